import { planMetricHistory } from "./model-history";
import { MODEL_SPECS, type ModelSpec } from "./model-specs";
import type { MetricHistoryRow, ModelRow, ModelVersionRow, PlanContext, PlannedRun } from "./plan-types";
import type { CatalogPlan } from "./projects";
import { clamp, type Random, round } from "./random";
import { DAY, isoDate } from "./time";

/** The furthest environment a version reached; deployments are planned from this. */
export type Reach = "production" | "staging" | "development" | null;

export type VersionPlan = { row: ModelVersionRow; sourceRun: PlannedRun; reach: Reach };

export type ModelPlan = {
  spec: ModelSpec;
  row: ModelRow;
  projectId: string;
  versions: VersionPlan[];
  /** In production now; the newest version is the challenger. */
  championIndex: number;
};

/**
 * Models and their versions, each trained by a successful run of the model's training
 * pipeline, with metrics that improve noisily and a story of how far each version got.
 */
export function planModels(ctx: PlanContext, catalog: CatalogPlan, runs: PlannedRun[]) {
  const models: ModelPlan[] = [];
  const history: MetricHistoryRow[] = [];
  for (const spec of MODEL_SPECS) {
    const random = ctx.random.fork(`models/${spec.name}`);
    const projectId = catalog.projects[spec.project].row.id;
    const sources = sourceRuns(random, spec, runs);
    const metrics = versionMetrics(random, spec);
    const championIndex = spec.versions - 3;
    const versions = sources.map((run, index): VersionPlan => {
      const row = versionRow(random, spec, index, run, metrics[index]!, championIndex);
      return { row, sourceRun: run, reach: reachOf(spec, index, championIndex) };
    });
    for (const [index, version] of versions.entries()) {
      const params = version.row.params ?? {};
      const window = {
        startedAt: version.sourceRun.row.startedAt!.getTime(),
        finishedAt: version.row.createdAt!.getTime(),
      };
      history.push(...planMetricHistory(random, spec, version.row.id, metrics[index]!, params, window));
    }
    const first = versions[0]!.row.createdAt!.getTime();
    const row: ModelRow = {
      id: random.uuid(),
      projectId,
      name: spec.name,
      description: spec.description,
      owner: spec.owner,
      tags: spec.tags,
      primaryMetric: spec.primaryMetric,
      primaryMetricDirection: spec.direction,
      createdAt: new Date(first - DAY),
      updatedAt: versions.at(-1)!.row.createdAt,
    };
    for (const version of versions) version.row.modelId = row.id;
    models.push({ spec, row, projectId, versions, championIndex });
  }
  return { models, history };
}

/** Successful trainings spread over the history, the newest being the latest success. */
function sourceRuns(random: Random, spec: ModelSpec, runs: PlannedRun[]): PlannedRun[] {
  const succeeded = runs
    .filter((r) => r.spec.key === spec.trainingPipeline && r.row.status === "succeeded")
    .sort((a, b) => a.row.queuedAt.getTime() - b.row.queuedAt.getTime());
  const last = succeeded.length - 1;
  if (succeeded.length < spec.versions) throw new Error(`not enough trainings for ${spec.name}`);
  const picked: PlannedRun[] = [];
  let previous = -1;
  for (let i = 0; i < spec.versions; i++) {
    const even = Math.round((i * last) / (spec.versions - 1));
    const remaining = spec.versions - 1 - i;
    const index =
      i === spec.versions - 1 ? last : clamp(even + random.int(-2, 2), previous + 1, last - remaining);
    picked.push(succeeded[index]!);
    previous = index;
  }
  return picked;
}

/** Final metrics per version: diminishing returns plus noise, a failed version far below. */
function versionMetrics(random: Random, spec: ModelSpec): Record<string, number>[] {
  const all = Array.from({ length: spec.versions }, (_, index) => {
    const progress = 1 - (1 - index / (spec.versions - 1)) ** 1.5;
    const failed = index === spec.failedVersionIndex;
    const metrics: Record<string, number> = {};
    for (const [key, trend] of Object.entries(spec.metrics)) {
      const ideal = trend.from + (trend.to - trend.from) * (failed ? -0.4 : progress);
      metrics[key] = round(ideal + random.normal(0, trend.noise), trend.decimals);
    }
    return { ...metrics, ...spec.derived?.(metrics) };
  });
  // The challenger must beat the champion, or the pending promotion would be a poor demo.
  const champion = all[spec.versions - 3]!;
  const challenger = all[spec.versions - 1]!;
  const sign = spec.direction === "higher" ? 1 : -1;
  const key = spec.primaryMetric;
  if (sign * (challenger[key]! - champion[key]!) <= 0) {
    challenger[key] = round(
      champion[key]! + sign * spec.metrics[key]!.noise * 2,
      spec.metrics[key]!.decimals,
    );
  }
  return all;
}

function reachOf(spec: ModelSpec, index: number, championIndex: number): Reach {
  if (index === spec.failedVersionIndex) return null;
  // Every third version up to the champion went to production; others stopped earlier.
  if (index <= championIndex && (championIndex - index) % 3 === 0) return "production";
  if (index >= championIndex || index % 2 === 0) return "staging";
  return "development";
}

function versionRow(
  random: Random,
  spec: ModelSpec,
  index: number,
  run: PlannedRun,
  metrics: Record<string, number>,
  championIndex: number,
): ModelVersionRow {
  const createdAt = run.row.finishedAt!;
  const version = index + 1;
  const failed = index === spec.failedVersionIndex;
  const actor = run.row.actor ?? spec.owner;
  return {
    id: random.uuid(),
    modelId: "",
    version,
    artifactUri: `s3://acme-models/${spec.name}/${version}/${spec.artifactFile}`,
    framework: spec.framework,
    status: failed ? "failed" : index < championIndex - 3 ? "archived" : "ready",
    params: tunedParams(random.fork(`params/${spec.name}`), spec, index),
    tags: {
      trigger: run.row.trigger ?? "manual",
      git_branch: run.row.branch ?? "main",
      dataset_date: isoDate(createdAt.getTime() - DAY),
      ...(failed ? { evaluation: `failed: ${spec.primaryMetric} below baseline` } : {}),
    },
    metrics,
    datasets: spec.datasets(random, isoDate(createdAt.getTime() - DAY)),
    commitSha: run.row.commitSha,
    sourceRunId: run.row.id,
    createdBy: actor.startsWith("Microsoft.") ? spec.owner : actor,
    createdAt,
  };
}

/** Parameters drift a little from version to version: one or two values change each time. */
function tunedParams(random: Random, spec: ModelSpec, index: number): Record<string, string> {
  const params: Record<string, string> = { ...spec.fixedParams };
  const tuned = Object.entries(spec.tunedParams);
  for (const [key, values] of tuned) params[key] = values[0]!;
  for (let v = 1; v <= index; v++) {
    for (let change = 0; change < random.int(1, 2); change++) {
      const [key, values] = random.pick(tuned);
      params[key] = random.pick(values);
    }
  }
  return params;
}
