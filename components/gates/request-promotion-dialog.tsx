"use client";

import { ArrowUpRight } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type * as React from "react";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import { ReasonField } from "./reason-field";

export type PromotionSubjectRef = { releaseId: string } | { modelVersionId: string };
export type PromotionTargetOption = { id: string; name: string; runsHere: boolean };

/** A server action with requestPromotion's input (app/(dashboard)/approvals/request-actions.ts). */
export type RequestPromotionActionFn = (input: {
  releaseId?: string;
  modelVersionId?: string;
  environmentId: string;
  reason: string;
  emergency: boolean;
}) => Promise<
  { ok: true; requestId: string } | { ok: false; error: string; fieldErrors?: Record<string, string> }
>;

export type RequestPromotionDialogProps = {
  subject: PromotionSubjectRef;
  projectId: string;
  subjectLabel: string;
  /** The project's environments in promotion order (listPromotionTargets gives them). */
  environments: PromotionTargetOption[];
  /** Preselected: the next environment in order. */
  defaultEnvironmentId: string | null;
  /** Admins (gates:write) may declare an emergency and skip the order and the checks. */
  canDeclareEmergency: boolean;
  action: RequestPromotionActionFn;
  /** The button that opens the dialog; "Request promotion" when omitted. */
  trigger?: React.ReactNode;
};

/**
 * "Request promotion": pick the target (the next environment by default), say why; admins
 * may declare an emergency, which needs its reason. A refusal shows the server's words.
 */
export function RequestPromotionDialog(props: RequestPromotionDialogProps) {
  const { subject, subjectLabel, environments, defaultEnvironmentId, canDeclareEmergency } = props;
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState(defaultEnvironmentId ?? "");
  const [reason, setReason] = useState("");
  const [emergency, setEmergency] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const outOfOrder = target !== "" && target !== defaultEnvironmentId;

  function reset() {
    setTarget(defaultEnvironmentId ?? "");
    setReason("");
    setEmergency(false);
    setErrors({});
    setFormError(null);
    setCreated(null);
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!target) return setErrors({ environment: "Choose where to promote it." });
    if (!reason.trim())
      return setErrors({
        reason: emergency ? "An emergency needs a reason." : "Say why this should be promoted.",
      });
    startTransition(async () => {
      const result = await props.action({ ...subject, environmentId: target, reason, emergency });
      if (result.ok) {
        toast.success(`Promotion of ${subjectLabel} requested.`);
        setCreated(result.requestId);
        router.refresh();
        return;
      }
      setErrors(result.fieldErrors ?? {});
      setFormError(result.error);
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>
        {props.trigger ?? (
          <Button size="sm" variant="outline">
            <ArrowUpRight aria-hidden="true" />
            Request promotion
          </Button>
        )}
      </DialogTrigger>
      <DialogContent
        title={`Request promotion of ${subjectLabel}`}
        description="Approvers review it against what runs in the target environment now."
      >
        {created ? (
          <div className="flex flex-col gap-4" data-testid="promotion-requested">
            <p className="text-sm">The request is waiting for approval.</p>
            <DialogFooter>
              <Button asChild>
                <Link href={`/approvals/${created}`}>Open the request</Link>
              </Button>
            </DialogFooter>
          </div>
        ) : (
          <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={`${id}-env`}>Target environment</Label>
              <NativeSelect
                id={`${id}-env`}
                value={target}
                onChange={(e) => setTarget(e.target.value)}
                aria-invalid={errors.environment || errors.environmentId ? true : undefined}
              >
                <option value="" disabled>
                  Choose…
                </option>
                {environments.map((env) => (
                  <option key={env.id} value={env.id} disabled={env.runsHere}>
                    {env.name}
                    {env.id === defaultEnvironmentId ? " (next)" : env.runsHere ? " (runs there)" : ""}
                  </option>
                ))}
              </NativeSelect>
              {errors.environment || errors.environmentId ? (
                <p className="text-destructive text-xs">{errors.environment ?? errors.environmentId}</p>
              ) : outOfOrder ? (
                <p className="text-muted-foreground text-xs">
                  Out of order: only an admin&apos;s emergency request may skip environments.
                </p>
              ) : null}
            </div>
            <ReasonField
              id={`${id}-reason`}
              label="Reason"
              value={reason}
              onChange={setReason}
              error={errors.reason}
              required
              placeholder="What changed, and why it is ready"
            />
            {canDeclareEmergency ? (
              <div className="flex items-start gap-2">
                <input
                  id={`${id}-emergency`}
                  type="checkbox"
                  checked={emergency}
                  onChange={(e) => setEmergency(e.target.checked)}
                  className="mt-0.5 size-4"
                  aria-describedby={`${id}-emergency-hint`}
                />
                <div className="flex flex-col gap-1">
                  <Label htmlFor={`${id}-emergency`}>Emergency override</Label>
                  <p id={`${id}-emergency-hint`} className="text-muted-foreground text-xs">
                    Skips the environment order and the automatic checks, never the approvals. Recorded as
                    such; the reason is required.
                  </p>
                </div>
              </div>
            ) : null}
            {formError ? (
              <p role="alert" className="text-destructive text-sm">
                {formError}
              </p>
            ) : null}
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setOpen(false)} disabled={pending}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending}>
                {pending ? "Requesting…" : "Request promotion"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
