import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { AppError, parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import {
  environments,
  modelAliases,
  modelVersions,
  pipelineRuns,
  pipelines,
  promotionRequests,
} from "@/lib/db/schema";
import { loadVisibleModel } from "../access";
import { type DeployedIn, deployedWhere } from "../deployed-where";
import { type HistoryPoint, readDownsampledHistory } from "./downsample-history";
import { compareMetrics, type DiffRow, diffRecords, type MetricComparison, pickBaseline } from "./math";
import { type CompareInput, compareInput } from "./schemas";

export type ComparedVersionDetail = {
  id: string;
  version: number;
  status: (typeof modelVersions.$inferSelect)["status"];
  createdAt: Date;
  metrics: Record<string, number>;
  params: Record<string, string>;
  tags: Record<string, string>;
  aliases: string[];
  commitSha: string | null;
  sourceRun: {
    id: string;
    runNumber: number | null;
    status: (typeof pipelineRuns.$inferSelect)["status"];
    url: string | null;
    pipelineName: string;
  } | null;
  promotions: { id: string; status: string; environmentName: string; createdAt: Date }[];
  /** Where it runs now, per environment. */
  deployedIn: DeployedIn[];
};

export type ComparedHistory = {
  key: string;
  /** One line per selected version that logged this metric, in the selection's order. */
  lines: { version: number; total: number; points: HistoryPoint[] }[];
};

export type VersionComparison = {
  model: {
    id: string;
    name: string;
    projectSlug: string;
    primaryMetric: string | null;
    primaryMetricDirection: "higher" | "lower";
  };
  environments: { id: string; name: string; isProduction: boolean }[];
  baseline: { version: number; reason: "requested" | "production" | "champion" | "first" };
  /** In the order asked for. */
  versions: ComparedVersionDetail[];
  metrics: MetricComparison[];
  params: DiffRow[];
  tags: DiffRow[];
  history: ComparedHistory[];
};

/** Promotion requests listed per version; the approvals list has the rest. */
const PROMOTIONS_SHOWN = 10;

/**
 * Everything the compare page needs for 2-10 versions of one model, in one read: metrics with
 * deltas to the baseline, params and tags diffs, lineage, deployments, and metric history
 * downsampled in SQL to at most 1,000 points a line. Needs models:read; a model outside the
 * actor's projects is a 404, and so is a version number the model does not have.
 */
export async function compareVersions(ctx: ServiceContext, raw: CompareInput): Promise<VersionComparison> {
  assertCan(ctx.actor, "models:read");
  const input = parseInput(compareInput, raw);
  const model = await loadVisibleModel(ctx.db, ctx.actor, input.modelId);
  const rows = await ctx.db
    .select({
      id: modelVersions.id,
      version: modelVersions.version,
      status: modelVersions.status,
      createdAt: modelVersions.createdAt,
      metrics: modelVersions.metrics,
      params: modelVersions.params,
      tags: modelVersions.tags,
      commitSha: modelVersions.commitSha,
      sourceRunId: modelVersions.sourceRunId,
    })
    .from(modelVersions)
    .where(and(eq(modelVersions.modelId, model.id), inArray(modelVersions.version, input.versions)));
  const missing = input.versions.filter((n) => !rows.some((r) => r.version === n));
  if (missing.length > 0) {
    throw new AppError("not_found", `This model has no version ${missing.join(", ")}.`);
  }
  const byNumber = new Map(rows.map((r) => [r.version, r]));
  const ordered = input.versions.map((n) => byNumber.get(n)!);
  const ids = ordered.map((r) => r.id);
  const runIds = ordered.flatMap((r) => (r.sourceRunId ? [r.sourceRunId] : []));

  const [envs, aliases, deployed, runs, promotions, history] = await Promise.all([
    ctx.db
      .select({ id: environments.id, name: environments.name, isProduction: environments.isProduction })
      .from(environments)
      .where(eq(environments.projectId, model.projectId))
      .orderBy(asc(environments.position), asc(environments.name)),
    ctx.db
      .select({
        alias: modelAliases.alias,
        versionId: modelAliases.versionId,
        version: modelVersions.version,
      })
      .from(modelAliases)
      .innerJoin(modelVersions, eq(modelVersions.id, modelAliases.versionId))
      .where(eq(modelAliases.modelId, model.id))
      .orderBy(asc(modelAliases.alias)),
    deployedWhere(ctx.db, model.id),
    runIds.length === 0
      ? Promise.resolve([])
      : ctx.db
          .select({
            id: pipelineRuns.id,
            runNumber: pipelineRuns.runNumber,
            status: pipelineRuns.status,
            url: pipelineRuns.url,
            commitSha: pipelineRuns.commitSha,
            pipelineName: pipelines.name,
          })
          .from(pipelineRuns)
          .innerJoin(pipelines, eq(pipelines.id, pipelineRuns.pipelineId))
          .where(inArray(pipelineRuns.id, runIds)),
    ctx.db
      .select({
        id: promotionRequests.id,
        versionId: promotionRequests.modelVersionId,
        status: promotionRequests.status,
        environmentName: environments.name,
        createdAt: promotionRequests.createdAt,
      })
      .from(promotionRequests)
      .innerJoin(environments, eq(environments.id, promotionRequests.environmentId))
      .where(inArray(promotionRequests.modelVersionId, ids))
      .orderBy(desc(promotionRequests.createdAt)),
    readDownsampledHistory(ctx.db, ids),
  ]);

  // The production version: whichever of the model's versions the production environment runs.
  let production: number | null = null;
  for (const [versionId, places] of deployed) {
    if (places.some((p) => p.isProduction)) {
      production = aliases.find((a) => a.versionId === versionId)?.version ?? null;
      production ??= (await versionNumberOf(ctx, versionId)) ?? null;
      break;
    }
  }
  const champion = aliases.find((a) => a.alias === "champion")?.version ?? null;
  const baseline = pickBaseline(input.versions, { requested: input.baseline, production, champion });

  const runById = new Map(runs.map((r) => [r.id, r]));
  const versions: ComparedVersionDetail[] = ordered.map((r) => {
    const run = r.sourceRunId ? runById.get(r.sourceRunId) : undefined;
    return {
      id: r.id,
      version: r.version,
      status: r.status,
      createdAt: r.createdAt,
      metrics: r.metrics,
      params: r.params,
      tags: r.tags,
      aliases: aliases.filter((a) => a.versionId === r.id).map((a) => a.alias),
      commitSha: r.commitSha ?? run?.commitSha ?? null,
      sourceRun: run
        ? {
            id: run.id,
            runNumber: run.runNumber,
            status: run.status,
            url: run.url,
            pipelineName: run.pipelineName,
          }
        : null,
      promotions: promotions
        .filter((p) => p.versionId === r.id)
        .slice(0, PROMOTIONS_SHOWN)
        .map(({ versionId: _v, ...p }) => p),
      deployedIn: deployed.get(r.id) ?? [],
    };
  });

  const numberOfId = new Map(ordered.map((r) => [r.id, r.version]));
  const keys = [...new Set(history.map((h) => h.key))].sort((a, b) => a.localeCompare(b));
  return {
    model: {
      id: model.id,
      name: model.name,
      projectSlug: model.projectSlug,
      primaryMetric: model.primaryMetric,
      primaryMetricDirection: model.primaryMetricDirection,
    },
    environments: envs,
    baseline,
    versions,
    metrics: compareMetrics(versions, baseline.version, model),
    params: diffRecords(versions.map((v) => v.params)),
    tags: diffRecords(versions.map((v) => v.tags)),
    history: keys.map((key) => ({
      key,
      lines: history
        .filter((h) => h.key === key)
        .map((h) => ({ version: numberOfId.get(h.versionId)!, total: h.total, points: h.points }))
        .sort((a, b) => input.versions.indexOf(a.version) - input.versions.indexOf(b.version)),
    })),
  };
}

/** The number of a version that runs in production but holds no alias (rare: one query). */
async function versionNumberOf(ctx: ServiceContext, versionId: string): Promise<number | undefined> {
  const [row] = await ctx.db
    .select({ version: modelVersions.version })
    .from(modelVersions)
    .where(eq(modelVersions.id, versionId));
  return row?.version;
}
