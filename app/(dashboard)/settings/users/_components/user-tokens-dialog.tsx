"use client";

import { useCallback, useState, useTransition } from "react";
import { RevokeTokenDialog } from "@/components/tokens/revoke-token-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { TokenListItem } from "@/lib/tokens/list-tokens";
import { formatDate, formatDateTime } from "@/lib/utils/format";
import { listUserTokensAction, revokeUserTokenAction } from "../actions";

type Loaded = { tokens: TokenListItem[] } | { error: string } | null;

/** Someone's active API tokens, so an admin can revoke a leaked one without disabling its owner. */
export function UserTokensDialog({ userId, name }: { userId: string; name: string }) {
  const [loaded, setLoaded] = useState<Loaded>(null);
  const [pending, startTransition] = useTransition();

  const load = useCallback(() => {
    startTransition(async () => {
      const result = await listUserTokensAction(userId);
      setLoaded(result.ok ? { tokens: result.tokens } : { error: result.error });
    });
  }, [userId]);

  return (
    <Dialog onOpenChange={(open) => (open ? load() : setLoaded(null))}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`API tokens of ${name}`}>
          Tokens
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`API tokens of ${name}`}
        description="Active tokens only. Revoking one stops it at once; the owner keeps their account."
        className="sm:max-w-2xl"
      >
        {loaded === null || pending ? (
          <p className="text-muted-foreground text-sm" role="status">
            Loading tokens…
          </p>
        ) : "error" in loaded ? (
          <p className="text-destructive text-sm" role="alert">
            {loaded.error}
          </p>
        ) : loaded.tokens.length === 0 ? (
          <p className="text-muted-foreground text-sm">{name} has no active API tokens.</p>
        ) : (
          <Table caption={`Active API tokens of ${name}`}>
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Prefix</TableHead>
                <TableHead>Scopes</TableHead>
                <TableHead>Expires</TableHead>
                <TableHead>Last used</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {loaded.tokens.map((token) => (
                <TableRow key={token.id}>
                  <TableCell className="font-medium">{token.name}</TableCell>
                  <TableCell>
                    <code className="font-mono text-xs">{token.prefix}…</code>
                  </TableCell>
                  <TableCell>
                    <Badge variant="outline">{token.scopes.length}</Badge>
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    {token.expiresAt ? formatDate(token.expiresAt) : "Never"}
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-muted-foreground">
                    {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "Never"}
                  </TableCell>
                  <TableCell className="text-right">
                    <RevokeTokenDialog
                      id={token.id}
                      name={token.name}
                      prefix={token.prefix}
                      revoke={revokeUserTokenAction}
                      onRevoked={load}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </DialogContent>
    </Dialog>
  );
}
