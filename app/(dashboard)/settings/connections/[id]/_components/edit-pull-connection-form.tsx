"use client";

import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { MlflowConfigFields, mlflowConfigInput } from "../../_components/mlflow-config-fields";
import { PrometheusQueryFields, prometheusConfigInput } from "../../_components/prometheus-query-fields";
import {
  emptyPullAuth,
  PullAuthFields,
  type PullAuthState,
  pullAuthInput,
} from "../../_components/pull-auth-fields";
import type { ProjectOption } from "../../_components/repository-mapping-fields";
import { ConnectionSettingsCard } from "./connection-settings-card";
import { mlflowState, type PullConnection, prometheusIntervalState, queryRows } from "./pull-config-state";

export type EditPullConnectionFormProps = {
  connection: PullConnection;
  projects: ProjectOption[];
  canWrite: boolean;
};

/**
 * Name, base URL, sign-in (kept unless changed) and what an MLflow connection imports or the
 * queries a Prometheus connection pulls; saved through the same card and action as the CI form.
 */
export function EditPullConnectionForm({ connection, projects, canWrite }: EditPullConnectionFormProps) {
  const [changeAuth, setChangeAuth] = useState(false);
  const [auth, setAuth] = useState<PullAuthState>(emptyPullAuth);
  const [mlflow, setMlflow] = useState(() => mlflowState(connection));
  const [queries, setQueries] = useState(() => queryRows(connection));
  const [intervalSeconds, setIntervalSeconds] = useState(() => prometheusIntervalState(connection));

  return (
    <ConnectionSettingsCard
      connection={connection}
      description={
        connection.kind === "mlflow"
          ? "Which MLflow server to read, how to sign in, and which models to import where."
          : "Which Prometheus server to read, how to sign in, and which queries to pull."
      }
      canWrite={canWrite}
      input={() => ({
        ...(changeAuth ? { auth: pullAuthInput(auth) } : {}),
        config:
          connection.kind === "mlflow"
            ? mlflowConfigInput(mlflow)
            : prometheusConfigInput(queries, intervalSeconds),
      })}
      onSaved={() => {
        setChangeAuth(false);
        setAuth(emptyPullAuth);
        toast.success(changeAuth ? "Saved, with the new sign-in." : "Saved.");
      }}
    >
      {({ errors }) => (
        <>
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
        </>
      )}
    </ConnectionSettingsCard>
  );
}
