"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";

type RevokeResult = { ok: true } | { ok: false; error: string };

type RevokeTokenDialogProps = {
  id: string;
  name: string;
  prefix: string;
  /** The server action that revokes (the owner's own, or the admin's on someone else's token). */
  revoke: (input: { id: string }) => Promise<RevokeResult>;
  onRevoked?: () => void;
};

/** A "Revoke" button that asks first, since anything using the token breaks at once. */
export function RevokeTokenDialog({
  id,
  name,
  prefix,
  revoke: revokeAction,
  onRevoked,
}: RevokeTokenDialogProps) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();

  function revoke() {
    startTransition(async () => {
      const result = await revokeAction({ id });
      if (result.ok) {
        toast.success(`Revoked “${name}”.`);
        setOpen(false);
        onRevoked?.();
      } else {
        toast.error(`Could not revoke “${name}”`, { description: result.error });
      }
    });
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Revoke ${name}`}>
          Revoke
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Revoke “${name}”?`}
        description={`Anything using ${prefix}… stops working immediately. This cannot be undone.`}
      >
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)} disabled={pending}>
            Cancel
          </Button>
          <Button variant="destructive" onClick={revoke} disabled={pending}>
            {pending ? "Revoking…" : "Revoke token"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
