import "server-only";
import { inArray } from "drizzle-orm";
import { systemActor } from "@/lib/auth/actor";
import {
  type PrometheusConnectionConfig,
  prometheusConnectionConfigSchema,
} from "@/lib/connections/config-schema";
import { loadConnectionRow } from "@/lib/connections/load-connection";
import { pullAuthHeaders } from "@/lib/connections/pull-connection";
import type { Database } from "@/lib/db/client";
import { projects } from "@/lib/db/schema";
import { ingestMetrics } from "@/lib/monitoring/ingest-metrics";
import { beginSync, failSync, finishSync } from "@/lib/sync/sync-state";
import { createPrometheusClient, type PrometheusClient } from "./client";
import { toBatches, toMetricSeries } from "./to-metric-series";

/** Prometheus refuses ranges over 11,000 points per series; a long outage is caught up in slices. */
const MAX_STEPS_PER_PULL = 10_000;
/** The first pull of a query looks back this far. */
const FIRST_LOOKBACK_SECONDS = 3600;

type Query = PrometheusConnectionConfig["queries"][number];
export type QueryPullResult = { id: string; series: number; points: number; error: string | null };
export type PullResult = { skipped: string | null; queries: QueryPullResult[] };

export const syncScopeOf = (queryId: string) => `prometheus:${queryId}`;

/**
 * The range one pull asks for, on a grid of `step` (start and end are multiples of it), so
 * consecutive pulls ask for the same timestamps and a repeat writes nothing new. The cursor
 * `end` is the last timestamp asked for; the next pull starts one step after it.
 */
export function rangeFor(query: { stepSeconds: number }, cursorEnd: unknown, nowSeconds: number) {
  const step = query.stepSeconds;
  const end = Math.floor(nowSeconds / step) * step;
  const from =
    typeof cursorEnd === "number" && Number.isFinite(cursorEnd)
      ? cursorEnd + step
      : nowSeconds - FIRST_LOOKBACK_SECONDS;
  const start = Math.ceil(from / step) * step;
  return { start, end: Math.min(end, start + step * MAX_STEPS_PER_PULL), step };
}

async function pullOne(
  db: Database,
  client: PrometheusClient,
  connectionId: string,
  query: Query,
  projectSlug: string,
  now: Date,
): Promise<QueryPullResult> {
  const state = await beginSync(db, connectionId, syncScopeOf(query.id));
  try {
    const range = rangeFor(query, state.cursor.end, now.getTime() / 1000);
    if (range.start > range.end) {
      await finishSync(db, state.id, { cursor: state.cursor });
      return { id: query.id, series: 0, points: 0, error: null };
    }
    const matrix = await client.queryRange({ query: query.promql, ...range });
    const batch = toMetricSeries(matrix, query, projectSlug);
    const result = { series: batch.length, points: 0 };
    for (const series of toBatches(batch)) {
      result.points += (
        await ingestMetrics({ db, actor: systemActor("prometheus-pull"), now }, { series })
      ).points;
    }
    await finishSync(db, state.id, { cursor: { end: range.end } });
    return { id: query.id, ...result, error: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await failSync(db, state.id, message);
    return { id: query.id, series: 0, points: 0, error: message };
  }
}

/**
 * One pull of every query of a Prometheus connection through `/api/v1/query_range`, from
 * each query's cursor to now, written through the monitoring ingest (idempotent per series
 * and timestamp). A failing query is recorded on its sync state and does not stop the others.
 */
export async function pullPrometheusConnection(
  db: Database,
  connectionId: string,
  options: { now?: Date; timeoutMs?: number } = {},
): Promise<PullResult> {
  const row = await loadConnectionRow(db, connectionId);
  if (row.kind !== "prometheus") return { skipped: `not a prometheus connection (${row.kind})`, queries: [] };
  if (!row.enabled) return { skipped: "disabled", queries: [] };
  const config = prometheusConnectionConfigSchema.parse(row.config ?? {});
  const projectIds = [...new Set(config.queries.map((q) => q.projectId))];
  const slugs = new Map(
    projectIds.length === 0
      ? []
      : (
          await db
            .select({ id: projects.id, slug: projects.slug })
            .from(projects)
            .where(inArray(projects.id, projectIds))
        ).map((p) => [p.id, p.slug]),
  );
  const client = createPrometheusClient({
    baseUrl: row.baseUrl,
    headers: pullAuthHeaders(row.credentialsEncrypted),
    timeoutMs: options.timeoutMs,
  });
  const now = options.now ?? new Date();
  const results: QueryPullResult[] = [];
  for (const query of config.queries) {
    const slug = slugs.get(query.projectId);
    if (!slug) {
      const state = await beginSync(db, connectionId, syncScopeOf(query.id));
      await failSync(db, state.id, `Query ${query.id}: its project no longer exists.`);
      results.push({ id: query.id, series: 0, points: 0, error: "unknown project" });
      continue;
    }
    results.push(await pullOne(db, client, connectionId, query, slug, now));
  }
  return { skipped: null, queries: results };
}
