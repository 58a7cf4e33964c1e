"use client";

import { UserPlus } from "lucide-react";
import type * as React from "react";
import { useId, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import { ROLES } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/schema/enums";
import { createUserAction } from "../actions";

type FieldErrors = Record<string, string>;

/** "New user" button and dialog: name, email, role and an initial password. */
export function NewUserDialog({ roleDescriptions }: { roleDescriptions: Record<Role, string> }) {
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [role, setRole] = useState<Role>("viewer");
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();

  function reset() {
    formRef.current?.reset();
    setErrors({});
    setFormError(null);
    setRole("viewer");
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = {
      name: String(data.get("name") ?? ""),
      email: String(data.get("email") ?? ""),
      role,
      password: String(data.get("password") ?? ""),
    };
    startTransition(async () => {
      const result = await createUserAction(input);
      if (result.ok) {
        toast.success(`${input.name} can now sign in as ${input.email}.`);
        reset();
        setOpen(false);
        return;
      }
      setErrors(result.fieldErrors ?? {});
      setFormError(result.fieldErrors ? null : result.error);
      toast.error("Could not add the user", { description: result.error });
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
        <Button>
          <UserPlus aria-hidden="true" />
          New user
        </Button>
      </DialogTrigger>
      <DialogContent title="New user" description="They sign in with this email and the initial password.">
        <form ref={formRef} onSubmit={submit} className="flex flex-col gap-4" noValidate>
          <Field id={`${id}-name`} label="Name" error={errors.name}>
            {(describedBy) => (
              <Input
                id={`${id}-name`}
                name="name"
                autoComplete="off"
                required
                maxLength={200}
                aria-invalid={errors.name ? true : undefined}
                aria-describedby={describedBy}
              />
            )}
          </Field>
          <Field id={`${id}-email`} label="Email" error={errors.email}>
            {(describedBy) => (
              <Input
                id={`${id}-email`}
                name="email"
                type="email"
                autoComplete="off"
                required
                aria-invalid={errors.email ? true : undefined}
                aria-describedby={describedBy}
              />
            )}
          </Field>
          <Field id={`${id}-role`} label="Role" hint={roleDescriptions[role]} error={errors.role}>
            {(describedBy) => (
              <NativeSelect
                id={`${id}-role`}
                name="role"
                value={role}
                onChange={(event) => setRole(event.target.value as Role)}
                aria-invalid={errors.role ? true : undefined}
                aria-describedby={describedBy}
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </NativeSelect>
            )}
          </Field>
          <Field
            id={`${id}-password`}
            label="Initial password"
            hint="At least 12 characters. Share it with them privately."
            error={errors.password}
          >
            {(describedBy) => (
              <Input
                id={`${id}-password`}
                name="password"
                type="password"
                autoComplete="new-password"
                required
                minLength={12}
                aria-invalid={errors.password ? true : undefined}
                aria-describedby={describedBy}
              />
            )}
          </Field>
          {formError ? (
            <p role="alert" className="text-destructive text-sm">
              {formError}
            </p>
          ) : null}
          <DialogFooter>
            <Button variant="outline" onClick={() => setOpen(false)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Adding…" : "Add user"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
