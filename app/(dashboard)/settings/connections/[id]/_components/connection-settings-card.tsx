"use client";

import type * as React from "react";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { toast } from "@/components/ui/toast";
import type { ManagedConnectionKind } from "@/lib/connections/kinds";
import type { UpdateConnectionInput } from "@/lib/connections/schemas";
import { ConnectionIdentityFields } from "../../_components/connection-identity-fields";
import { updateConnectionAction } from "../../actions";

export type ConnectionSettingsCardProps = {
  connection: { id: string; name: string; baseUrl: string; kind: ManagedConnectionKind };
  description: string;
  canWrite: boolean;
  /** The kind's own part of the update (credentials, config), read when the form is submitted. */
  input: () => Omit<UpdateConnectionInput, "id" | "name" | "baseUrl">;
  /** After a save went through: clear what must not linger (a typed secret) and say what was saved. */
  onSaved: () => void;
  /** The kind's own fields, under name and base URL; `id` prefixes their ids, `errors` are per field. */
  children: (fields: { id: string; errors: Record<string, string> }) => React.ReactNode;
};

/**
 * The settings card both edit forms share (CI and MLflow/Prometheus): name, base URL, the
 * kind's own fields, one save path through updateConnectionAction and its error display, so
 * the two forms cannot drift apart in how they save or report.
 */
export function ConnectionSettingsCard({
  connection,
  description,
  canWrite,
  input,
  onSaved,
  children,
}: ConnectionSettingsCardProps) {
  const id = useId();
  const [name, setName] = useState(connection.name);
  const [baseUrl, setBaseUrl] = useState(connection.baseUrl);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const result = await updateConnectionAction({ id: connection.id, name, baseUrl, ...input() });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? { form: result.error });
        toast.error("Could not save the connection", { description: result.error });
        return;
      }
      setErrors({});
      onSaved();
    });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Settings</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} className="flex flex-col gap-4" noValidate aria-label="Connection settings">
          <fieldset disabled={!canWrite || pending} className="flex flex-col gap-4">
            <ConnectionIdentityFields
              idPrefix={id}
              kind={connection.kind}
              name={name}
              onNameChange={setName}
              baseUrl={baseUrl}
              onBaseUrlChange={setBaseUrl}
              errors={errors}
            />
            {children({ id, errors })}
          </fieldset>
          {errors.form ? (
            <p role="alert" className="text-destructive text-sm">
              {errors.form}
            </p>
          ) : null}
          {canWrite ? (
            <div>
              <Button type="submit" disabled={pending}>
                {pending ? "Saving…" : "Save changes"}
              </Button>
            </div>
          ) : null}
        </form>
      </CardContent>
    </Card>
  );
}
