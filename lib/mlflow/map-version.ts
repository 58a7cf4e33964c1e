import {
  ALIAS_NAME,
  type HistoryPointInput,
  METRIC_KEY,
  type RegisterVersionInput,
} from "@/lib/models/schemas";
import type { MlflowMetric, MlflowModelVersion, MlflowRun } from "./client";

/**
 * Pure mapping from MLflow's registry and run shapes to Tandem's registration body. MLflow
 * allows keys and values Tandem's registry refuses (spaces in metric keys, ':' in tag keys,
 * NaN metrics, negative steps); those are cleaned or skipped here rather than failing a
 * whole import on one odd run.
 */

export type TandemVersionStatus = "registered" | "ready" | "failed" | "archived";

/** The idempotency key of an imported version: one Tandem version per MLflow model version. */
export const clientKeyOf = (model: string, version: string) => `mlflow:${model}:${version}`;

/** Version tag holding MLflow's last_updated_timestamp: an import skips a version whose value has not moved. */
export const UPDATED_TAG = "mlflow.last_updated_timestamp";

const MAX_STEP = 2_147_483_647;

/** Archived (a stage) wins; otherwise MLflow's registration status. */
export function statusOf(version: Pick<MlflowModelVersion, "status" | "current_stage">): TandemVersionStatus {
  if (version.current_stage?.toLowerCase() === "archived") return "archived";
  if (version.status === "FAILED_REGISTRATION") return "failed";
  if (version.status === "PENDING_REGISTRATION") return "registered";
  return "ready";
}

/** A metric key Tandem accepts: disallowed characters become "_", at most 100 characters. */
export function metricKeyOf(key: string): string | null {
  const cleaned = key.replace(/[^A-Za-z0-9_.@/-]/g, "_").slice(0, 100);
  return METRIC_KEY.test(cleaned) ? cleaned : null;
}

/** An alias Tandem accepts (lower case, a letter first), or null when MLflow's cannot be one. */
export function aliasOf(alias: string): string | null {
  const lowered = alias.toLowerCase();
  return ALIAS_NAME.test(lowered) ? lowered : null;
}

function tagsOf(entries: { key: string; value: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, value } of entries) {
    const k = key.replaceAll(":", "_").slice(0, 250);
    if (k) out[k] = value.slice(0, 5000);
  }
  return out;
}

export function historyOf(key: string, points: MlflowMetric[]): HistoryPointInput[] {
  const tandemKey = metricKeyOf(key);
  if (!tandemKey) return [];
  return points.flatMap((p) =>
    Number.isFinite(p.value) && Number.isInteger(p.step) && p.step >= 0 && p.step <= MAX_STEP
      ? [
          {
            key: tandemKey,
            step: p.step,
            value: p.value,
            ...(p.timestamp ? { ts: new Date(p.timestamp).toISOString() } : {}),
          },
        ]
      : [],
  );
}

/** Where people open the version and its run in MLflow's own UI. */
export function mlflowLinks(baseUrl: string, version: MlflowModelVersion, run: MlflowRun | null) {
  const base = baseUrl.replace(/\/+$/, "");
  return {
    "mlflow.model_url": `${base}/#/models/${encodeURIComponent(version.name)}/versions/${version.version}`,
    ...(run
      ? {
          "mlflow.run_id": run.info.run_id,
          "mlflow.run_url": `${base}/#/experiments/${run.info.experiment_id ?? "0"}/runs/${run.info.run_id}`,
        }
      : version.run_id
        ? { "mlflow.run_id": version.run_id }
        : {}),
  };
}

/**
 * The registration body of an MLflow model version: its run's params and final metrics,
 * run tags under the version's own tags, MLflow facts (stage, links, update time) as
 * `mlflow.*` tags, and the history passed in.
 */
export function registrationOf(
  baseUrl: string,
  version: MlflowModelVersion,
  run: MlflowRun | null,
  history: HistoryPointInput[],
): RegisterVersionInput & { tags: Record<string, string> } {
  const params: Record<string, string> = {};
  for (const p of (run?.data.params ?? []).slice(0, 1000))
    params[p.key.slice(0, 250)] = p.value.slice(0, 6000);
  const metrics: Record<string, number> = {};
  for (const m of (run?.data.metrics ?? []).slice(0, 1000)) {
    const key = metricKeyOf(m.key);
    if (key && Number.isFinite(m.value)) metrics[key] = m.value;
  }
  const runTags = tagsOf((run?.data.tags ?? []).filter((t) => !t.key.startsWith("mlflow.log-model")));
  const tags = {
    ...runTags,
    ...tagsOf(version.tags),
    ...mlflowLinks(baseUrl, version, run),
    "mlflow.stage": version.current_stage ?? "None",
    [UPDATED_TAG]: String(version.last_updated_timestamp ?? version.creation_timestamp),
  };
  // Tandem keeps at most 200 tags; the mlflow.* facts come last, so keep the last 200.
  const kept = Object.fromEntries(Object.entries(tags).slice(-200));
  return {
    clientKey: clientKeyOf(version.name, version.version),
    ...(version.source ? { artifactUri: version.source.slice(0, 2000) } : {}),
    params,
    tags: kept,
    metrics,
    history,
    ...(version.user_id ? { createdBy: version.user_id.slice(0, 300) } : {}),
  };
}
