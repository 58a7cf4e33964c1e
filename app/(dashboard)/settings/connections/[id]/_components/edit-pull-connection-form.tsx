"use client";

import type * as React from "react";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { BASE_URL_HINTS } from "@/lib/connections/kinds";
import { MlflowConfigFields, mlflowConfigInput } from "../../_components/mlflow-config-fields";
import { PrometheusQueryFields, prometheusConfigInput } from "../../_components/prometheus-query-fields";
import {
  emptyPullAuth,
  PullAuthFields,
  type PullAuthState,
  pullAuthInput,
} from "../../_components/pull-auth-fields";
import type { ProjectOption } from "../../_components/repository-mapping-fields";
import { updateConnectionAction } from "../../actions";
import { mlflowState, type PullConnection, prometheusIntervalState, queryRows } from "./pull-config-state";

export type EditPullConnectionFormProps = {
  connection: PullConnection;
  projects: ProjectOption[];
  canWrite: boolean;
};

/**
 * Name, base URL, sign-in (kept unless changed) and what an MLflow connection imports or the
 * queries a Prometheus connection pulls; saved through the same action as the CI form.
 */
export function EditPullConnectionForm({ connection, projects, canWrite }: EditPullConnectionFormProps) {
  const id = useId();
  const [name, setName] = useState(connection.name);
  const [baseUrl, setBaseUrl] = useState(connection.baseUrl);
  const [changeAuth, setChangeAuth] = useState(false);
  const [auth, setAuth] = useState<PullAuthState>(emptyPullAuth);
  const [mlflow, setMlflow] = useState(() => mlflowState(connection));
  const [queries, setQueries] = useState(() => queryRows(connection));
  const [intervalSeconds, setIntervalSeconds] = useState(() => prometheusIntervalState(connection));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const result = await updateConnectionAction({
        id: connection.id,
        name,
        baseUrl,
        ...(changeAuth ? { auth: pullAuthInput(auth) } : {}),
        config:
          connection.kind === "mlflow"
            ? mlflowConfigInput(mlflow)
            : prometheusConfigInput(queries, intervalSeconds),
      });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? { form: result.error });
        toast.error("Could not save the connection", { description: result.error });
        return;
      }
      setErrors({});
      setChangeAuth(false);
      setAuth(emptyPullAuth);
      toast.success(changeAuth ? "Saved, with the new sign-in." : "Saved.");
    });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Settings</CardTitle>
        <CardDescription>
          {connection.kind === "mlflow"
            ? "Which MLflow server to read, how to sign in, and which models to import where."
            : "Which Prometheus server to read, how to sign in, and which queries to pull."}
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
            <div className="flex flex-col gap-1.5">
              <label className="flex items-center gap-2 font-medium text-sm">
                <input
                  type="checkbox"
                  checked={changeAuth}
                  onChange={(e) => setChangeAuth(e.target.checked)}
                  className="size-4 accent-primary"
                />
                Change the sign-in
              </label>
              <p className="text-muted-foreground text-xs">
                {connection.hasToken
                  ? "A sign-in is stored; it is kept unless you change it here."
                  : "Tandem signs in as nobody."}
              </p>
            </div>
            {changeAuth ? <PullAuthFields value={auth} onChange={setAuth} error={errors.auth} /> : null}
            {connection.kind === "mlflow" ? (
              <MlflowConfigFields
                value={mlflow}
                onChange={setMlflow}
                projects={projects}
                error={errors.config}
              />
            ) : (
              <PrometheusQueryFields
                rows={queries}
                onChange={setQueries}
                intervalSeconds={intervalSeconds}
                onIntervalChange={setIntervalSeconds}
                projects={projects}
                error={errors.config}
              />
            )}
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
