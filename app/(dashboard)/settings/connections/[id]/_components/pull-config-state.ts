import type { ConnectionDetail } from "@/lib/connections/get-connection";
import type { Jsonify } from "@/lib/queries/fetch-json";
import type { MlflowConfigState } from "../../_components/mlflow-config-fields";
import { emptyQueryRow, type QueryRow } from "../../_components/prometheus-query-fields";

/**
 * A stored MLflow or Prometheus config as the edit form's state (the inverse of
 * mlflowConfigInput and prometheusConfigInput); an unreadable config gives an empty form.
 */

export type PullConnection = Extract<Jsonify<ConnectionDetail>, { kind: "mlflow" | "prometheus" }>;

export function mlflowState(connection: PullConnection): MlflowConfigState {
  const config = connection.kind === "mlflow" ? connection.config : null;
  return {
    projectId: config?.projectId ?? "",
    models: (config?.models ?? []).join("\n"),
    intervalMinutes: String(config?.intervalMinutes ?? 15),
  };
}

export function queryRows(connection: PullConnection): QueryRow[] {
  const queries = connection.kind === "prometheus" ? (connection.config?.queries ?? []) : [];
  return queries.map((q) => ({
    ...emptyQueryRow(q.projectId),
    id: q.id,
    promql: q.promql,
    seriesName: q.seriesName,
    kind: q.kind,
    labels: Object.entries(q.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(", "),
    unit: q.unit ?? "",
    stepSeconds: String(q.stepSeconds),
  }));
}

export function prometheusIntervalState(connection: PullConnection): string {
  return String((connection.kind === "prometheus" && connection.config?.intervalSeconds) || 60);
}
