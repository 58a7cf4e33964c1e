import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { AppError, parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { models, modelVersions, type pipelineRuns } from "@/lib/db/schema";
import { isUuid } from "../access";
import type { DeployedIn } from "../deployed-where";
import { type HistoryTuple, readHistoryLines } from "../history-lines";
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

export type { HistoryTuple };

export type ComparedHistory = {
  key: string;
  /** One line per selected version that logged this metric, in the selection's order. */
  lines: { version: number; total: number; points: HistoryTuple[] }[];
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
  const notFound = new AppError("not_found", "Model not found.");
  if (!isUuid(input.modelId)) throw notFound;
  const row = await readComparison(ctx, input.modelId, input.versions);
  if (!row?.model) throw notFound;
  const model = row.model;
  const missing = input.versions.filter((n) => !row.versions.some((r) => r.version === n));
  if (missing.length > 0) {
    throw new AppError("not_found", `This model has no version ${missing.join(", ")}.`);
  }
  const byNumber = new Map(row.versions.map((r) => [r.version, r]));
  const ordered = input.versions.map((n) => byNumber.get(n)!);
  const history = await readHistoryLines(
    ctx.db,
    ordered.map((r) => r.id),
  );
  const aliases = row.aliases;
  const deployedIn = (versionId: string) =>
    row.deployed
      .filter((d) => d.versionId === versionId)
      .map(({ versionId: _v, version: _n, deployedAt, ...d }) => ({
        ...d,
        deployedAt: new Date(deployedAt),
      }));

  // The production version: whichever of the model's versions the production environment runs.
  const production = row.deployed.find((d) => d.isProduction)?.version ?? null;
  const champion = aliases.find((a) => a.alias === "champion")?.version ?? null;
  const baseline = pickBaseline(input.versions, { requested: input.baseline, production, champion });

  const versions: ComparedVersionDetail[] = ordered.map((r) => ({
    id: r.id,
    version: r.version,
    status: r.status,
    createdAt: new Date(r.createdAt),
    metrics: r.metrics,
    params: r.params,
    tags: r.tags,
    aliases: aliases.filter((a) => a.versionId === r.id).map((a) => a.alias),
    commitSha: r.commitSha ?? r.sourceRun?.commitSha ?? null,
    sourceRun: r.sourceRun
      ? {
          id: r.sourceRun.id,
          runNumber: r.sourceRun.runNumber,
          status: r.sourceRun.status,
          url: r.sourceRun.url,
          pipelineName: r.sourceRun.pipelineName,
        }
      : null,
    promotions: r.promotions.map((p) => ({ ...p, createdAt: new Date(p.createdAt) })),
    deployedIn: deployedIn(r.id),
  }));

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
    environments: row.environments,
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

type Row = {
  model: VersionComparison["model"] | null;
  environments: VersionComparison["environments"];
  aliases: { alias: string; versionId: string; version: number }[];
  /** Where the model's versions run now, one entry per environment. */
  deployed: (Omit<DeployedIn, "deployedAt"> & { versionId: string; version: number; deployedAt: string })[];
  versions: (Omit<
    ComparedVersionDetail,
    "createdAt" | "sourceRun" | "promotions" | "aliases" | "deployedIn"
  > & {
    createdAt: string;
    sourceRun: (NonNullable<ComparedVersionDetail["sourceRun"]> & { commitSha: string | null }) | null;
    promotions: (Omit<ComparedVersionDetail["promotions"][number], "createdAt"> & { createdAt: string })[];
  })[];
};

/**
 * The model (null when it is not there or outside the actor's projects), the versions asked
 * for with lineage and promotions, and the model's environments, aliases and deployments:
 * one statement. The history lines follow in a second read (readHistoryLines): folding them
 * into this JSON measured slower than reading their packed bytes apart.
 */
async function readComparison(
  ctx: ServiceContext,
  modelId: string,
  numbers: number[],
): Promise<Row | undefined> {
  const scope = ctx.actor.projectIds;
  const result = await ctx.db.execute<Row>(sql`
    with m as (
      select ${models.id} as id, ${models.projectId} as project_id, ${models.name} as name,
        ${models.primaryMetric} as primary_metric, ${models.primaryMetricDirection} as direction
      from ${models}
      where ${and(eq(models.id, modelId), scope ? inArray(models.projectId, scope) : undefined)}
    ), v as materialized (
      select * from ${modelVersions}
      where ${and(sql`${modelVersions.modelId} = (select id from m)`, inArray(modelVersions.version, numbers))}
    ), deployed as (
      -- Per environment, the latest succeeded deployment of any version of this model
      -- decides which version runs there (another model or a failed attempt does not).
      select distinct on (d.environment_id) d.model_version_id as version_id, mv.version, e.id, e.slug,
        e.name, e.position, e.is_production, d.id as deployment_id, d.started_at
      from deployments d
      join model_versions mv on mv.id = d.model_version_id
      join environments e on e.id = d.environment_id
      where mv.model_id = (select id from m) and d.status = 'succeeded'
      order by d.environment_id, d.started_at desc, d.id desc
    )
    select
      (select json_build_object('id', m.id, 'name', m.name, 'projectSlug', p.slug,
          'primaryMetric', m.primary_metric, 'primaryMetricDirection', m.direction)
       from m join projects p on p.id = m.project_id) as model,
      (select coalesce(json_agg(json_build_object('id', e.id, 'name', e.name, 'isProduction', e.is_production)
          order by e.position, e.name), '[]')
       from environments e where e.project_id = (select project_id from m)) as environments,
      (select coalesce(json_agg(json_build_object('alias', a.alias, 'versionId', a.version_id,
          'version', mv.version) order by a.alias), '[]')
       from model_aliases a join model_versions mv on mv.id = a.version_id
       where a.model_id = (select id from m)) as aliases,
      (select coalesce(json_agg(json_build_object('versionId', d.version_id, 'version', d.version,
          'environmentId', d.id, 'environmentSlug', d.slug, 'environmentName', d.name,
          'position', d.position, 'isProduction', d.is_production, 'deploymentId', d.deployment_id,
          'deployedAt', d.started_at) order by d.position, d.name), '[]')
       from deployed d) as deployed,
      (select coalesce(json_agg(json_build_object(
          'id', v.id, 'version', v.version, 'status', v.status, 'createdAt', v.created_at,
          'metrics', v.metrics, 'params', v.params, 'tags', v.tags, 'commitSha', v.commit_sha,
          'sourceRun', (select json_build_object('id', r.id, 'runNumber', r.run_number, 'status', r.status,
              'url', r.url, 'commitSha', r.commit_sha, 'pipelineName', pl.name)
            from pipeline_runs r join pipelines pl on pl.id = r.pipeline_id where r.id = v.source_run_id),
          'promotions', (select coalesce(json_agg(json_build_object('id', pr.id, 'status', pr.status,
              'environmentName', pr.environment_name, 'createdAt', pr.created_at) order by pr.created_at desc), '[]')
            from (select q.id, q.status, e.name as environment_name, q.created_at
              from promotion_requests q join environments e on e.id = q.environment_id
              where q.model_version_id = v.id
              order by q.created_at desc limit ${PROMOTIONS_SHOWN}) pr)
        )), '[]')
       from v) as versions
  `);
  return result.rows[0];
}
