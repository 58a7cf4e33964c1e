"use client";

import { Copy, Plus } from "lucide-react";
import type * as React from "react";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import type { Permission } from "@/lib/auth/permissions";
import { createTokenAction } from "../actions";
import { CheckboxList, ScopePicker } from "./scope-picker";

const EXPIRY_OPTIONS = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "never", label: "Never" },
];

type FieldErrors = Record<string, string>;

function ErrorText({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="text-destructive text-xs">
      {message}
    </p>
  ) : null;
}

/** "New token" button and dialog; after creation it shows the secret once, with a Copy button. */
export function NewTokenDialog(props: {
  allowedScopes: Permission[];
  projects: { id: string; name: string }[];
}) {
  const { allowedScopes, projects } = props;
  const id = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<Set<Permission>>(new Set());
  const [projectIds, setProjectIds] = useState<Set<string>>(new Set());
  const [expiry, setExpiry] = useState("90");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [secret, setSecret] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function reset() {
    setName("");
    setScopes(new Set());
    setProjectIds(new Set());
    setExpiry("90");
    setErrors({});
    setSecret(null);
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const result = await createTokenAction({
        name,
        scopes: allowedScopes.filter((s) => scopes.has(s)),
        projectIds: projectIds.size > 0 ? [...projectIds] : null,
        expiresInDays: expiry === "never" ? null : Number(expiry),
      });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? { form: result.error });
        toast.error("Could not create the token", { description: result.error });
        return;
      }
      setErrors({});
      setSecret(result.secret);
      toast.success(`Created “${result.token.name}”.`);
    });
  }

  async function copy() {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret);
      toast.success("Token copied to the clipboard.");
    } catch {
      toast.error("Could not copy; select the token and copy it by hand.");
    }
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
        <Button>
          <Plus aria-hidden="true" />
          New token
        </Button>
      </DialogTrigger>
      <DialogContent
        title={secret ? "Your new token" : "New API token"}
        description={
          secret ? undefined : "Choose what the token may do; it can never do more than your role."
        }
        className="max-w-2xl"
        // A stray click outside must not throw away a secret that is shown only once.
        onInteractOutside={(event) => {
          if (secret) event.preventDefault();
        }}
      >
        {secret ? (
          <div className="flex flex-col gap-3">
            <Label htmlFor={`${id}-secret`}>Token</Label>
            <div className="flex gap-2">
              <Input
                id={`${id}-secret`}
                data-testid="token-secret"
                readOnly
                value={secret}
                className="font-mono text-xs"
                aria-describedby={`${id}-secret-hint`}
                onFocus={(event) => event.currentTarget.select()}
              />
              <Button variant="outline" onClick={copy}>
                <Copy aria-hidden="true" />
                Copy
              </Button>
            </div>
            <p id={`${id}-secret-hint`} className="font-medium text-sm text-warning">
              Copy it now — it will not be shown again.
            </p>
            <DialogFooter>
              <Button onClick={() => setOpen(false)}>Done</Button>
            </DialogFooter>
          </div>
        ) : (
          <form onSubmit={submit} className="flex flex-col gap-5" noValidate>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={`${id}-name`}>Name</Label>
              <Input
                id={`${id}-name`}
                value={name}
                onChange={(event) => setName(event.target.value)}
                maxLength={100}
                required
                placeholder="e.g. GitHub Actions deploy"
                aria-invalid={errors.name ? true : undefined}
                aria-describedby={errors.name ? `${id}-name-error` : undefined}
              />
              <ErrorText id={`${id}-name-error`} message={errors.name} />
            </div>
            <fieldset
              className="flex flex-col gap-2"
              aria-describedby={errors.scopes ? `${id}-scopes-error` : undefined}
            >
              <legend className="mb-2 font-medium text-sm">Scopes</legend>
              <ScopePicker
                idPrefix={`${id}-scope`}
                allowedScopes={allowedScopes}
                selected={scopes}
                onChange={setScopes}
              />
              <ErrorText id={`${id}-scopes-error`} message={errors.scopes} />
            </fieldset>
            {projects.length > 0 ? (
              <fieldset className="flex flex-col gap-2" aria-describedby={`${id}-projects-hint`}>
                <legend className="mb-1 font-medium text-sm">Projects</legend>
                <p id={`${id}-projects-hint`} className="text-muted-foreground text-xs">
                  Leave all unchecked for every project you can see.
                </p>
                <CheckboxList
                  idPrefix={`${id}-project`}
                  options={projects.map((p) => ({ value: p.id, label: p.name }))}
                  selected={projectIds}
                  onToggle={(projectId, checked) => {
                    const next = new Set(projectIds);
                    if (checked) next.add(projectId);
                    else next.delete(projectId);
                    setProjectIds(next);
                  }}
                />
                <ErrorText id={`${id}-projects-error`} message={errors.projectIds} />
              </fieldset>
            ) : null}
            <div className="flex max-w-xs flex-col gap-1.5">
              <Label htmlFor={`${id}-expiry`}>Expires after</Label>
              <NativeSelect
                id={`${id}-expiry`}
                value={expiry}
                onChange={(event) => setExpiry(event.target.value)}
              >
                {EXPIRY_OPTIONS.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </NativeSelect>
            </div>
            {errors.form ? (
              <p role="alert" className="text-destructive text-sm">
                {errors.form}
              </p>
            ) : null}
            <DialogFooter>
              <Button variant="outline" onClick={() => setOpen(false)} disabled={pending}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending}>
                {pending ? "Creating…" : "Create token"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
