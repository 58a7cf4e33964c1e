"use client";

import { Undo2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type * as React from "react";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";
import { ReasonField } from "./reason-field";

/** A server action with requestRollback's input (app/(dashboard)/approvals/request-actions.ts). */
export type RequestRollbackActionFn = (input: {
  deploymentId: string;
  reason: string;
  emergency: boolean;
}) => Promise<
  { ok: true; requestId: string } | { ok: false; error: string; fieldErrors?: Record<string, string> }
>;

/**
 * "Roll back": asks, through the same gate, to redeploy what ran in the environment before
 * this deployment. The server finds the previous version and refuses when there is none.
 */
export function RollbackDialog(props: {
  deploymentId: string;
  label: string;
  environmentName: string;
  canDeclareEmergency: boolean;
  action: RequestRollbackActionFn;
}) {
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [emergency, setEmergency] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason.trim()) return setError("Say why this should be rolled back.");
    startTransition(async () => {
      const result = await props.action({ deploymentId: props.deploymentId, reason, emergency });
      if (result.ok) {
        toast.success(`Rollback of ${props.label} in ${props.environmentName} requested.`);
        setCreated(result.requestId);
        router.refresh();
        return;
      }
      setError(result.error);
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          setReason("");
          setEmergency(false);
          setError(null);
          setCreated(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="ghost" aria-label={`Roll back ${props.label} in ${props.environmentName}`}>
          <Undo2 aria-hidden="true" />
          Roll back
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Roll back ${props.label} in ${props.environmentName}`}
        description="Requests the version that ran here before, through the same approval gate."
      >
        {created ? (
          <div className="flex flex-col gap-4">
            <p className="text-sm">The rollback is waiting for approval.</p>
            <DialogFooter>
              <Button asChild>
                <Link href={`/approvals/${created}`}>Open the request</Link>
              </Button>
            </DialogFooter>
          </div>
        ) : (
          <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
            <ReasonField
              id={`${id}-reason`}
              label="Reason"
              value={reason}
              onChange={setReason}
              required
              placeholder="What went wrong"
            />
            {props.canDeclareEmergency ? (
              <div className="flex items-center gap-2">
                <input
                  id={`${id}-emergency`}
                  type="checkbox"
                  checked={emergency}
                  onChange={(e) => setEmergency(e.target.checked)}
                  className="size-4"
                />
                <Label htmlFor={`${id}-emergency`}>Emergency: skip the automatic checks</Label>
              </div>
            ) : null}
            {error ? (
              <p role="alert" className="text-destructive text-sm">
                {error}
              </p>
            ) : null}
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setOpen(false)} disabled={pending}>
                Cancel
              </Button>
              <Button type="submit" variant="destructive" disabled={pending}>
                {pending ? "Requesting…" : "Request rollback"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
