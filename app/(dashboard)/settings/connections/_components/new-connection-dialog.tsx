"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import type * as React from "react";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import {
  DEFAULT_BASE_URLS,
  isCiConnectionKind,
  kindLabel,
  MANAGED_CONNECTION_KINDS,
  type ManagedConnectionKind,
} from "@/lib/connections/kinds";
import type { CreateConnectionInput } from "@/lib/connections/schemas";
import { createConnectionAction } from "../actions";
import { ConnectionIdentityFields } from "./connection-identity-fields";
import { MlflowConfigFields, type MlflowConfigState, mlflowConfigInput } from "./mlflow-config-fields";
import { PrometheusQueryFields, prometheusConfigInput, type QueryRow } from "./prometheus-query-fields";
import { emptyPullAuth, PullAuthFields, type PullAuthState, pullAuthInput } from "./pull-auth-fields";
import {
  type MappingRow,
  mappingToConfig,
  type ProjectOption,
  RepositoryMappingFields,
} from "./repository-mapping-fields";

const PLACEHOLDERS: Partial<Record<ManagedConnectionKind, string>> = {
  azure_devops: "https://dev.azure.com/your-organisation",
  mlflow: "https://mlflow.example.com",
  prometheus: "https://prometheus.example.com",
};

/**
 * "Add connection": provider, name, base URL (defaulted per provider), then for CI kinds a
 * token and repository mapping, for MLflow an optional sign-in and the models to import, for
 * Prometheus an optional sign-in and the queries to pull.
 */
export function NewConnectionDialog({ projects }: { projects: ProjectOption[] }) {
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<ManagedConnectionKind>("github");
  const [name, setName] = useState("GitHub");
  const [baseUrl, setBaseUrl] = useState(DEFAULT_BASE_URLS.github);
  const [token, setToken] = useState("");
  const [rows, setRows] = useState<MappingRow[]>([]);
  const [auth, setAuth] = useState<PullAuthState>(emptyPullAuth);
  const [mlflow, setMlflow] = useState<MlflowConfigState>({
    projectId: "",
    models: "",
    intervalMinutes: "15",
  });
  const [queries, setQueries] = useState<QueryRow[]>([]);
  const [intervalSeconds, setIntervalSeconds] = useState("60");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();

  function reset() {
    setKind("github");
    setName("GitHub");
    setBaseUrl(DEFAULT_BASE_URLS.github);
    setToken("");
    setRows([]);
    setAuth(emptyPullAuth);
    setMlflow({ projectId: "", models: "", intervalMinutes: "15" });
    setQueries([]);
    setIntervalSeconds("60");
    setErrors({});
  }

  function request(): CreateConnectionInput {
    if (kind === "mlflow")
      return { kind, name, baseUrl, auth: pullAuthInput(auth), config: mlflowConfigInput(mlflow) };
    if (kind === "prometheus") {
      return {
        kind,
        name,
        baseUrl,
        auth: pullAuthInput(auth),
        config: prometheusConfigInput(queries, intervalSeconds),
      };
    }
    return { kind, name, baseUrl, token, config: mappingToConfig(rows) };
  }

  function changeKind(next: ManagedConnectionKind) {
    // Follow the provider's defaults unless the admin already typed their own.
    if (baseUrl === DEFAULT_BASE_URLS[kind]) setBaseUrl(DEFAULT_BASE_URLS[next]);
    if (name === kindLabel(kind)) setName(kindLabel(next));
    setKind(next);
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const result = await createConnectionAction(request());
      if (!result.ok) {
        setErrors(result.fieldErrors ?? { form: result.error });
        toast.error("Could not add the connection", { description: result.error });
        return;
      }
      toast.success(
        isCiConnectionKind(kind)
          ? `Added “${name}”. Next: set up its webhook.`
          : `Added “${name}”. Next: test it.`,
      );
      setOpen(false);
      reset();
      router.push(`/settings/connections/${result.id}`);
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
          <Plus aria-hidden="true" />
          Add connection
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Add connection"
        description="Tandem reads runs, models or metrics with these credentials; they are stored encrypted."
        className="max-w-2xl"
      >
        <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
          <Field id={`${id}-kind`} label="Provider" error={errors.kind}>
            {(describedBy) => (
              <NativeSelect
                id={`${id}-kind`}
                value={kind}
                onChange={(event) => changeKind(event.target.value as ManagedConnectionKind)}
                aria-describedby={describedBy}
              >
                {MANAGED_CONNECTION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {kindLabel(k)}
                  </option>
                ))}
              </NativeSelect>
            )}
          </Field>
          <ConnectionIdentityFields
            idPrefix={id}
            kind={kind}
            name={name}
            onNameChange={setName}
            baseUrl={baseUrl}
            onBaseUrlChange={setBaseUrl}
            errors={errors}
            nameRequired
            baseUrlPlaceholder={PLACEHOLDERS[kind]}
          />
          {isCiConnectionKind(kind) ? (
            <>
              <Field
                id={`${id}-token`}
                label="Access token"
                hint="Read access to repositories and CI is enough. Stored encrypted; never shown again."
                error={errors.token}
              >
                {(describedBy) => (
                  <Input
                    id={`${id}-token`}
                    type="password"
                    autoComplete="off"
                    value={token}
                    required
                    onChange={(event) => setToken(event.target.value)}
                    aria-invalid={errors.token ? true : undefined}
                    aria-describedby={describedBy}
                  />
                )}
              </Field>
              <RepositoryMappingFields
                idPrefix={`${id}-repo`}
                kind={kind}
                rows={rows}
                onChange={setRows}
                projects={projects}
                error={errors.config}
              />
            </>
          ) : (
            <PullAuthFields value={auth} onChange={setAuth} error={errors.auth} />
          )}
          {kind === "mlflow" ? (
            <MlflowConfigFields
              value={mlflow}
              onChange={setMlflow}
              projects={projects}
              error={errors.config}
            />
          ) : null}
          {kind === "prometheus" ? (
            <PrometheusQueryFields
              rows={queries}
              onChange={setQueries}
              intervalSeconds={intervalSeconds}
              onIntervalChange={setIntervalSeconds}
              projects={projects}
              error={errors.config}
            />
          ) : null}
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
              {pending ? "Adding…" : "Add connection"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
