"use client";

import { Pencil } from "lucide-react";
import { useRouter } from "next/navigation";
import type * as React from "react";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { updatePolicyAction } from "../actions";
import { fromFormValues, type PolicyFormValues } from "./policy-values";
import { ThresholdFields } from "./threshold-fields";

const ROLES = ["engineer", "approver", "admin"] as const;
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

type Person = { id: string; name: string; email: string };

function Check(props: { id: string; label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label htmlFor={props.id} className="flex items-center gap-2 text-sm">
      <input
        id={props.id}
        type="checkbox"
        className="size-4"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      {props.label}
    </label>
  );
}

function NumberField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={props.id} className="font-medium text-sm">
        {props.label}
      </label>
      <Input
        id={props.id}
        inputMode="numeric"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error ? true : undefined}
        className="w-28"
      />
      {props.error ? <p className="text-destructive text-xs">{props.error}</p> : null}
    </div>
  );
}

/** "Edit policy": the whole gate of one environment in one form; the server validates and audits. */
export function PolicyDialog(props: {
  environmentId: string;
  environmentName: string;
  initial: PolicyFormValues;
  people: Person[];
}) {
  const id = useId();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [v, setV] = useState(props.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const set =
    <K extends keyof PolicyFormValues>(key: K) =>
    (value: PolicyFormValues[K]) =>
      setV((s) => ({ ...s, [key]: value }));
  const toggle = <T,>(list: T[], item: T, on: boolean) =>
    on ? [...list, item] : list.filter((x) => x !== item);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const result = await updatePolicyAction(fromFormValues(props.environmentId, v));
      if (result.ok) {
        toast.success(`The ${props.environmentName} gate is saved.`);
        setOpen(false);
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
        if (next) {
          setV(props.initial);
          setErrors({});
          setFormError(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" aria-label={`Edit the ${props.environmentName} policy`}>
          <Pencil aria-hidden="true" />
          Edit policy
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`${props.environmentName} gate policy`}
        description="Pending requests are judged by the new policy from the moment it is saved."
        className="max-w-3xl"
      >
        <form onSubmit={submit} className="flex flex-col gap-5" noValidate>
          <fieldset className="flex flex-col gap-3">
            <legend className="mb-1 font-semibold text-sm">Approvals</legend>
            <NumberField
              id={`${id}-required`}
              label="Required approvals"
              value={v.requiredApprovals}
              onChange={set("requiredApprovals")}
              error={errors.requiredApprovals}
            />
            <fieldset className="flex flex-wrap gap-4">
              <legend className="sr-only">Roles that may approve</legend>
              {ROLES.map((role) => (
                <Check
                  key={role}
                  id={`${id}-role-${role}`}
                  label={`Any ${role}`}
                  checked={v.approverRoles.includes(role)}
                  onChange={(on) => set("approverRoles")(toggle(v.approverRoles, role, on))}
                />
              ))}
            </fieldset>
            {errors.approverRoles ? <p className="text-destructive text-xs">{errors.approverRoles}</p> : null}
            <details className="text-sm">
              <summary className="cursor-pointer">Named approvers ({v.approverUserIds.length})</summary>
              <div className="mt-2 grid max-h-40 gap-1 overflow-y-auto sm:grid-cols-2">
                {props.people.map((p) => (
                  <Check
                    key={p.id}
                    id={`${id}-user-${p.id}`}
                    label={`${p.name} (${p.email})`}
                    checked={v.approverUserIds.includes(p.id)}
                    onChange={(on) => set("approverUserIds")(toggle(v.approverUserIds, p.id, on))}
                  />
                ))}
              </div>
              {errors.approverUserIds ? (
                <p className="text-destructive text-xs">{errors.approverUserIds}</p>
              ) : null}
            </details>
            <Check
              id={`${id}-self`}
              label="The requester may approve their own request"
              checked={v.allowSelfApproval}
              onChange={set("allowSelfApproval")}
            />
            <Check
              id={`${id}-reject`}
              label="One rejection ends the request"
              checked={v.rejectionEndsRequest}
              onChange={set("rejectionEndsRequest")}
            />
          </fieldset>
          <fieldset className="flex flex-col gap-3">
            <legend className="mb-1 font-semibold text-sm">Automatic checks</legend>
            <ThresholdFields id={id} rows={v.thresholds} onChange={set("thresholds")} error={errors.checks} />
            <Check
              id={`${id}-alerts`}
              label={`No alerts firing in ${props.environmentName}`}
              checked={v.noFiringAlerts}
              onChange={set("noFiringAlerts")}
            />
            <Check
              id={`${id}-ci`}
              label="A successful CI run for the release's commit"
              checked={v.requireSuccessfulCi}
              onChange={set("requireSuccessfulCi")}
            />
          </fieldset>
          <fieldset className="flex flex-col gap-3">
            <legend className="mb-1 font-semibold text-sm">Timing</legend>
            <div className="flex flex-wrap gap-4">
              <NumberField
                id={`${id}-wait`}
                label="Wait after request (minutes)"
                value={v.waitMinutes}
                onChange={set("waitMinutes")}
                error={errors.waitMinutes}
              />
              <NumberField
                id={`${id}-expiry`}
                label="Request expires after (hours)"
                value={v.expiryHours}
                onChange={set("expiryHours")}
                error={errors.expiryHours}
              />
            </div>
            <Check
              id={`${id}-window`}
              label="Deploy only inside a window"
              checked={v.windowEnabled}
              onChange={set("windowEnabled")}
            />
            {v.windowEnabled ? (
              <div className="flex flex-col gap-3 rounded-md border p-3">
                <fieldset className="flex flex-wrap gap-3">
                  <legend className="sr-only">Days</legend>
                  {DAYS.map((day, i) => (
                    <Check
                      key={day}
                      id={`${id}-day-${i}`}
                      label={day}
                      checked={v.days.includes(i)}
                      onChange={(on) => set("days")(toggle(v.days, i, on))}
                    />
                  ))}
                </fieldset>
                <div className="flex flex-wrap gap-4">
                  <NumberField
                    id={`${id}-start`}
                    label="From hour (0–23)"
                    value={v.startHour}
                    onChange={set("startHour")}
                  />
                  <NumberField
                    id={`${id}-end`}
                    label="Until hour (0–23)"
                    value={v.endHour}
                    onChange={set("endHour")}
                  />
                  <div className="flex flex-col gap-1">
                    <label htmlFor={`${id}-tz`} className="font-medium text-sm">
                      Time zone
                    </label>
                    <Input
                      id={`${id}-tz`}
                      value={v.timeZone}
                      onChange={(e) => set("timeZone")(e.target.value)}
                      className="w-48"
                      placeholder="Europe/Berlin"
                    />
                  </div>
                </div>
                {errors.deployWindow ? (
                  <p className="text-destructive text-xs">{errors.deployWindow}</p>
                ) : null}
              </div>
            ) : null}
          </fieldset>
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
              {pending ? "Saving…" : "Save policy"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
