import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { withinActorScope } from "@/lib/projects/within-actor-scope";
import {
  computeDora,
  computeDoraWeeks,
  DAY_MS,
  type DoraDeployment,
  type DoraIncident,
  type DoraMetrics,
  type DoraWeek,
} from "./compute-dora";

export const doraInput = z.object({
  projectIds: z.array(z.string()).nullable().default(null),
  /** "models": only model-version deployments, lead time from the training run's start. */
  subject: z.enum(["all", "models"]).default("all"),
  /** With subject "models": only this model's versions. */
  modelId: z.uuid().optional(),
  rangeMs: z
    .number()
    .int()
    .min(DAY_MS)
    .max(400 * DAY_MS),
});
export type DoraInput = z.input<typeof doraInput>;

export type DoraReport = { from: Date; to: Date; summary: DoraMetrics; weeks: DoraWeek[] };

// Restores can land after the window ends; a failure is rarely left longer than this.
const RESTORE_LOOKAHEAD_MS = 30 * DAY_MS;

const ms = (v: Date | string | null) => (v === null ? null : new Date(v).getTime());

/**
 * Deployment frequency, lead time, change failure rate and time to restore for production
 * environments in scope over the last `rangeMs`, with weekly trend buckets. Lead time runs
 * from the release's build run being queued (our closest record of the commit landing) or
 * the model version's training run starting, to the production deployment finishing.
 */
export async function getDoraMetrics(ctx: ServiceContext, raw: DoraInput): Promise<DoraReport> {
  assertCan(ctx.actor, "deployments:read");
  const input = parseInput(doraInput, raw);
  const projectIds = withinActorScope(ctx.actor, input.projectIds);
  const to = nowOf(ctx).getTime();
  const from = to - input.rangeMs;
  const scope = projectIds ? sql`and d.project_id = any(${`{${projectIds.join(",")}}`}::uuid[])` : sql``;
  const models = input.subject === "models";
  const source = models
    ? sql`coalesce(tr.started_at, tr.queued_at)`
    : sql`case when d.release_id is not null then br.queued_at else coalesce(tr.started_at, tr.queued_at) end`;

  const [deploymentRows, incidentRows] = await Promise.all([
    ctx.db.execute<{
      id: string;
      environment_id: string;
      status: DoraDeployment["status"];
      is_rollback: boolean;
      rollback_of_id: string | null;
      started_at: string;
      finished_at: string | null;
      source_at: string | null;
    }>(sql`
      select d.id, d.environment_id, d.status, d.is_rollback, d.rollback_of_id,
        d.started_at, d.finished_at, ${source} as source_at
      from deployments d
      join environments e on e.id = d.environment_id and e.is_production
      left join releases r on r.id = d.release_id
      left join pipeline_runs br on br.id = r.build_run_id
      left join model_versions mv on mv.id = d.model_version_id
      left join pipeline_runs tr on tr.id = mv.source_run_id
      where d.started_at >= ${new Date(from - DAY_MS).toISOString()}::timestamptz
        and d.started_at < ${new Date(to + RESTORE_LOOKAHEAD_MS).toISOString()}::timestamptz
        ${models ? sql`and d.model_version_id is not null` : sql``}
        ${models && input.modelId ? sql`and mv.model_id = ${input.modelId}::uuid` : sql``}
        ${scope}
      order by d.started_at`),
    ctx.db.execute<{ fired_at: string; resolved_at: string | null }>(sql`
      select a.fired_at, a.resolved_at
      from alerts a
      join alert_rules ar on ar.id = a.rule_id
      join metric_series s on s.id = ar.series_id
      where a.fired_at >= ${new Date(from).toISOString()}::timestamptz
        and a.fired_at < ${new Date(to).toISOString()}::timestamptz
        ${models ? sql`and s.kind = 'model'` : sql``}
        ${models && input.modelId ? sql`and s.model_version_id in (select id from model_versions where model_id = ${input.modelId}::uuid)` : sql``}
        ${projectIds ? sql`and a.project_id = any(${`{${projectIds.join(",")}}`}::uuid[])` : sql``}`),
  ]);

  const deployments: DoraDeployment[] = deploymentRows.rows.map((r) => ({
    id: r.id,
    environmentId: r.environment_id,
    status: r.status,
    isRollback: r.is_rollback,
    rollbackOfId: r.rollback_of_id,
    startedAt: ms(r.started_at)!,
    finishedAt: ms(r.finished_at),
    sourceAt: ms(r.source_at),
  }));
  const incidents: DoraIncident[] = incidentRows.rows.map((r) => ({
    firedAt: ms(r.fired_at)!,
    resolvedAt: ms(r.resolved_at),
  }));
  return {
    from: new Date(from),
    to: new Date(to),
    summary: computeDora(deployments, incidents, from, to),
    weeks: computeDoraWeeks(deployments, incidents, from, to),
  };
}
