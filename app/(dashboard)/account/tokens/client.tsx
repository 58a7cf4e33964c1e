"use client";

import { KeyRound } from "lucide-react";
import { RevokeTokenDialog } from "@/components/tokens/revoke-token-dialog";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Permission } from "@/lib/auth/permissions";
import type { TokenListItem } from "@/lib/tokens/list-tokens";
import { formatDate, formatDateTime } from "@/lib/utils/format";
import { NewTokenDialog } from "./_components/new-token-dialog";
import { revokeTokenAction } from "./actions";

export type ProjectOption = { id: string; name: string };

export type TokensClientProps = {
  tokens: TokenListItem[];
  /** Scopes the caller may grant, decided on the server from their role. */
  allowedScopes: Permission[];
  projects: ProjectOption[];
};

/** The caller's own API tokens, a "New token" dialog and a confirmed revoke per token. */
export function TokensClient({ tokens, allowedScopes, projects }: TokensClientProps) {
  const projectName = new Map(projects.map((p) => [p.id, p.name]));
  return (
    <section aria-labelledby="tokens-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="tokens-heading" className="font-semibold text-lg">
          Your tokens
        </h2>
        <NewTokenDialog allowedScopes={allowedScopes} projects={projects} />
      </div>
      {tokens.length === 0 ? (
        <EmptyState
          icon={KeyRound}
          title="No API tokens yet"
          description="Create one for a script or a CI job; you choose what it may do and for how long."
        />
      ) : (
        <div className="rounded-lg border">
          <Table caption="Your API tokens, newest first">
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Token</TableHead>
                <TableHead>Scopes</TableHead>
                <TableHead>Projects</TableHead>
                <TableHead>Expires</TableHead>
                <TableHead>Last used</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {tokens.map((token) => (
                <TableRow key={token.id} data-testid={`token-row-${token.id}`}>
                  <TableCell className="font-medium">{token.name}</TableCell>
                  <TableCell>
                    <code className="whitespace-nowrap font-mono text-xs">{token.prefix}…</code>
                  </TableCell>
                  <TableCell className="max-w-md">
                    <ul className="flex flex-wrap gap-1" aria-label={`Scopes of ${token.name}`}>
                      {token.scopes.map((scope) => (
                        <li key={scope}>
                          <Badge variant="outline">{scope}</Badge>
                        </li>
                      ))}
                    </ul>
                  </TableCell>
                  <TableCell className="text-muted-foreground">
                    {token.projectIds
                      ? token.projectIds.map((id) => projectName.get(id) ?? "Unknown project").join(", ")
                      : "All projects"}
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    {token.status === "expired" ? (
                      <Badge variant="warning">Expired {formatDate(token.expiresAt)}</Badge>
                    ) : token.expiresAt ? (
                      formatDate(token.expiresAt)
                    ) : (
                      "Never"
                    )}
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-muted-foreground">
                    {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "Never"}
                  </TableCell>
                  <TableCell className="text-right">
                    <RevokeTokenDialog
                      id={token.id}
                      name={token.name}
                      prefix={token.prefix}
                      revoke={revokeTokenAction}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
