"use client";

import type * as React from "react";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import type { ConnectionDetail } from "@/lib/connections/get-connection";
import { BASE_URL_HINTS, type CiConnectionKind } from "@/lib/connections/kinds";
import type { Jsonify } from "@/lib/queries/fetch-json";
import {
  emptyMappingRow,
  type MappingRow,
  mappingToConfig,
  type ProjectOption,
  RepositoryMappingFields,
} from "../../_components/repository-mapping-fields";
import { updateConnectionAction } from "../../actions";

export type EditConnectionFormProps = {
  connection: Jsonify<ConnectionDetail> & { kind: CiConnectionKind };
  projects: ProjectOption[];
  canWrite: boolean;
};

/** Name, base URL, token (blank keeps the stored one) and the repository → project mapping. */
export function EditConnectionForm({ connection, projects, canWrite }: EditConnectionFormProps) {
  const id = useId();
  const [name, setName] = useState(connection.name);
  const [baseUrl, setBaseUrl] = useState(connection.baseUrl);
  const [token, setToken] = useState("");
  const [rows, setRows] = useState<MappingRow[]>(() =>
    connection.config.repositories.map((r) => ({ ...emptyMappingRow(r.projectId), name: r.name })),
  );
  const [defaultProjectId, setDefaultProjectId] = useState(connection.config.defaultProjectId ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const result = await updateConnectionAction({
        id: connection.id,
        name,
        baseUrl,
        token,
        config: { ...mappingToConfig(rows), ...(defaultProjectId ? { defaultProjectId } : {}) },
      });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? { form: result.error });
        toast.error("Could not save the connection", { description: result.error });
        return;
      }
      setErrors({});
      setToken("");
      toast.success(token ? "Saved, with the new token." : "Saved.");
    });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Settings</CardTitle>
        <CardDescription>
          Which provider to read, with which token, and where its runs belong.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} className="flex flex-col gap-4" noValidate aria-label="Connection settings">
          <fieldset disabled={!canWrite || pending} className="flex flex-col gap-4">
            <Field id={`${id}-name`} label="Name" error={errors.name}>
              {(describedBy) => (
                <Input
                  id={`${id}-name`}
                  value={name}
                  maxLength={100}
                  onChange={(e) => setName(e.target.value)}
                  aria-describedby={describedBy}
                  aria-invalid={errors.name ? true : undefined}
                />
              )}
            </Field>
            <Field
              id={`${id}-base-url`}
              label="Base URL"
              hint={BASE_URL_HINTS[connection.kind]}
              error={errors.baseUrl}
            >
              {(describedBy) => (
                <Input
                  id={`${id}-base-url`}
                  type="url"
                  value={baseUrl}
                  onChange={(e) => setBaseUrl(e.target.value)}
                  aria-describedby={describedBy}
                  aria-invalid={errors.baseUrl ? true : undefined}
                />
              )}
            </Field>
            <Field
              id={`${id}-token`}
              label="Access token"
              hint={
                connection.hasToken
                  ? "A token is stored. Leave blank to keep it; type a new one to replace it."
                  : "No token stored yet."
              }
              error={errors.token}
            >
              {(describedBy) => (
                <Input
                  id={`${id}-token`}
                  type="password"
                  autoComplete="off"
                  value={token}
                  placeholder={connection.hasToken ? "••••••••  (unchanged)" : ""}
                  onChange={(e) => setToken(e.target.value)}
                  aria-describedby={describedBy}
                />
              )}
            </Field>
            <RepositoryMappingFields
              idPrefix={`${id}-repo`}
              kind={connection.kind}
              rows={rows}
              onChange={setRows}
              projects={projects}
              error={errors.config}
            />
            <Field
              id={`${id}-default`}
              label="Other repositories go to"
              hint="Runs from repositories not listed above; choose none to ignore them."
            >
              {(describedBy) => (
                <NativeSelect
                  id={`${id}-default`}
                  value={defaultProjectId}
                  onChange={(e) => setDefaultProjectId(e.target.value)}
                  aria-describedby={describedBy}
                >
                  <option value="">None: ignore them</option>
                  {projects.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </NativeSelect>
              )}
            </Field>
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
