import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { parseInput } from "@/lib/api/errors";
import { assertCan, can } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { withinActorScope } from "@/lib/projects/within-actor-scope";

export const chartContextInput = z.object({
  projectIds: z.array(z.string()).nullable().default(null),
  /** Only series labelled `service=<service>`. */
  service: z.string().min(1).max(200).optional(),
  /** Only series of this model's versions (linked, or labelled `model=<name>`). */
  modelId: z.uuid().optional(),
  from: z.coerce.date(),
  to: z.coerce.date(),
});
export type ChartContextInput = z.input<typeof chartContextInput>;

export type ChartSeries = {
  id: string;
  name: string;
  unit: string | null;
  labels: Record<string, string>;
  environmentSlug: string | null;
  /** The model of the linked model version, for links to the model's monitoring page. */
  modelId: string | null;
};

export type ChartDeployment = {
  id: string;
  at: Date;
  status: string;
  isRollback: boolean;
  environmentSlug: string;
  /** "v1.4.2" for a release, "fraud-model v7" for a model version. */
  label: string;
  href: string;
};

export type ChartRule = {
  id: string;
  seriesId: string;
  name: string;
  comparator: "gt" | "lt";
  threshold: number;
  /** The rule's open alert, if any. */
  state: "pending" | "firing" | null;
};

export type ChartContext = { series: ChartSeries[]; deployments: ChartDeployment[]; rules: ChartRule[] };

const MAX_SERIES = 60;
const MAX_DEPLOYMENTS = 200;

/**
 * What a monitoring page draws around its points: the series in view (by project, service
 * or model), every deployment in [from, to] as a marker that links to the model version
 * or the deployment, and the alert rules over those series with their open alert's state.
 */
export async function getChartContext(ctx: ServiceContext, raw: ChartContextInput): Promise<ChartContext> {
  assertCan(ctx.actor, "monitoring:read");
  const input = parseInput(chartContextInput, raw);
  const projectIds = withinActorScope(ctx.actor, input.projectIds);
  const inProjects = (column: string) =>
    projectIds ? sql`and ${sql.raw(column)} = any(${`{${projectIds.join(",")}}`}::uuid[])` : sql``;

  const series = await ctx.db.execute<{
    id: string;
    name: string;
    unit: string | null;
    labels: Record<string, string>;
    environment_slug: string | null;
    model_id: string | null;
  }>(sql`
    select s.id, s.name, s.unit, s.labels, e.slug as environment_slug, mv.model_id
    from metric_series s
    left join environments e on e.id = s.environment_id
    left join model_versions mv on mv.id = s.model_version_id
    left join models m on m.id = ${input.modelId ?? null}::uuid
    where true ${inProjects("s.project_id")}
      ${input.service ? sql`and s.labels->>'service' = ${input.service}` : sql``}
      ${input.modelId ? sql`and (mv.model_id = m.id or (s.labels->>'model' = m.name and s.project_id = m.project_id))` : sql``}
    order by s.name, s.key
    limit ${MAX_SERIES}`);

  const seriesIds = series.rows.map((s) => s.id);
  const showDeployments = can(ctx.actor, "deployments:read");
  const [deployments, rules] = await Promise.all([
    showDeployments
      ? ctx.db.execute<{
          id: string;
          at: string;
          status: string;
          is_rollback: boolean;
          environment_slug: string;
          project_slug: string;
          release_version: string | null;
          model_id: string | null;
          model_name: string | null;
          model_version: number | null;
        }>(sql`
          select d.id, coalesce(d.finished_at, d.started_at) as at, d.status, d.is_rollback,
            e.slug as environment_slug, p.slug as project_slug, r.version as release_version,
            m.id as model_id, m.name as model_name, mv.version as model_version
          from deployments d
          join environments e on e.id = d.environment_id
          join projects p on p.id = d.project_id
          left join releases r on r.id = d.release_id
          left join model_versions mv on mv.id = d.model_version_id
          left join models m on m.id = mv.model_id
          where coalesce(d.finished_at, d.started_at) >= ${input.from.toISOString()}::timestamptz
            and coalesce(d.finished_at, d.started_at) <= ${input.to.toISOString()}::timestamptz
            and d.status in ('succeeded', 'failed')
            ${inProjects("d.project_id")}
            ${input.modelId ? sql`and mv.model_id = ${input.modelId}::uuid` : sql``}
          order by at
          limit ${MAX_DEPLOYMENTS}`)
      : Promise.resolve({ rows: [] }),
    seriesIds.length === 0
      ? Promise.resolve({ rows: [] })
      : ctx.db.execute<{
          id: string;
          series_id: string;
          name: string;
          comparator: "gt" | "lt";
          threshold: number;
          state: "pending" | "firing" | null;
        }>(sql`
          select ar.id, ar.series_id, ar.name, ar.comparator, ar.threshold,
            (select a.state from alerts a where a.rule_id = ar.id and a.state in ('pending', 'firing')
              order by a.started_at desc limit 1) as state
          from alert_rules ar
          where ar.enabled and ar.series_id = any(${`{${seriesIds.join(",")}}`}::uuid[])`),
  ]);

  return {
    series: series.rows.map((s) => ({
      id: s.id,
      name: s.name,
      unit: s.unit,
      labels: s.labels,
      environmentSlug: s.environment_slug,
      modelId: s.model_id,
    })),
    deployments: deployments.rows.map((d) => ({
      id: d.id,
      at: new Date(d.at),
      status: d.status,
      isRollback: d.is_rollback,
      environmentSlug: d.environment_slug,
      label:
        d.model_id && d.model_version !== null
          ? `${d.model_name} v${d.model_version}`
          : (d.release_version ?? "deployment"),
      // A model version opens its page; a release opens the deployments board at that moment.
      href:
        d.model_id && d.model_version !== null
          ? `/models/${d.model_id}/versions/${d.model_version}`
          : `/deployments?${new URLSearchParams({ project: d.project_slug, environment: d.environment_slug, at: new Date(d.at).toISOString() })}`,
    })),
    rules: rules.rows.map((r) => ({
      id: r.id,
      seriesId: r.series_id,
      name: r.name,
      comparator: r.comparator,
      threshold: Number(r.threshold),
      state: r.state,
    })),
  };
}
