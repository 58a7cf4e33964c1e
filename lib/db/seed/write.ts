import { sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Transaction } from "@/lib/db/client";
import * as schema from "@/lib/db/schema";
import type { SeedPlan } from "./plan";

/** Row counts per table written by the seed. */
export type SeedSummary = {
  users: number;
  connections: number;
  projects: number;
  environments: number;
  gatePolicies: number;
  pipelines: number;
  pipelineRuns: number;
  pipelineJobs: number;
  releases: number;
  releaseModelVersions: number;
  deployments: number;
  models: number;
  modelVersions: number;
  modelMetricHistory: number;
  modelAliases: number;
  modelAliasEvents: number;
  promotionRequests: number;
  approvals: number;
  metricSeries: number;
  metricPoints: number;
  alertRules: number;
  alerts: number;
  auditEvents: number;
};

/**
 * Postgres allows 65,535 bind parameters per statement; batches stay well below that and
 * large enough that PGlite is not dominated by per-statement overhead.
 */
async function insertInBatches<T extends PgTable>(
  tx: Transaction,
  table: T,
  rows: T["$inferInsert"][],
  parametersPerBatch = 12_000,
): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0] as object).length;
  const size = Math.max(1, Math.floor(parametersPerBatch / columns));
  for (let i = 0; i < rows.length; i += size) {
    await tx.insert(table).values(rows.slice(i, i + size));
  }
  return rows.length;
}

const snakeCase = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * For the large tables: the rows travel as one JSON document per batch and Postgres unpacks
 * them with json_populate_recordset. Building thousands of bind parameters through the
 * query builder costs more than the database work itself. Columns no row mentions keep
 * their defaults; a column only some rows mention is null in the others.
 */
async function insertAsJson<T extends PgTable>(
  tx: Transaction,
  table: T,
  rows: T["$inferInsert"][],
  batchSize = 5_000,
): Promise<number> {
  if (rows.length === 0) return 0;
  const keys = new Set(rows.flatMap((row) => Object.keys(row as object)));
  const columns = [...keys].map((key) => sql.identifier(snakeCase(key)));
  const columnList = sql.join(columns, sql`, `);
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows
      .slice(i, i + batchSize)
      .map((row) =>
        Object.fromEntries(Object.entries(row as object).map(([key, value]) => [snakeCase(key), value])),
      );
    await tx.execute(sql`
      insert into ${table} (${columnList})
      select ${columnList} from json_populate_recordset(null::${table}, ${JSON.stringify(batch)}::json)`);
  }
  return rows.length;
}

/**
 * Metric points are most of the rows; sending each series as two arrays (one statement per
 * series) is an order of magnitude faster than row-by-row parameters, on PGlite above all.
 */
async function insertPoints(tx: Transaction, points: SeedPlan["monitoring"]["points"]): Promise<number> {
  const bySeries = new Map<string, { ts: number[]; values: number[] }>();
  for (const point of points) {
    const series = bySeries.get(point.seriesId) ?? { ts: [], values: [] };
    series.ts.push(point.ts.getTime() / 1000);
    series.values.push(point.value);
    bySeries.set(point.seriesId, series);
  }
  for (const [seriesId, { ts, values }] of bySeries) {
    // Arrays go as text literals: both drivers pass a string through unchanged.
    await tx.execute(sql`
      insert into metric_points (series_id, ts, value)
      select ${seriesId}::uuid, to_timestamp(p.ts), p.value
      from unnest(${`{${ts.join(",")}}`}::float8[], ${`{${values.join(",")}}`}::float8[]) as p(ts, value)`);
  }
  return points.length;
}

/** Writes a plan in foreign-key order and returns what it wrote. */
export async function writePlan(tx: Transaction, plan: SeedPlan): Promise<SeedSummary> {
  const { catalog, promotions, monitoring } = plan;
  const insert = <T extends PgTable>(table: T, rows: T["$inferInsert"][]) => insertInBatches(tx, table, rows);
  const users = await insert(schema.users, plan.users);
  const connections = await insert(schema.connections, catalog.connections);
  const projects = await insert(
    schema.projects,
    Object.values(catalog.projects).map((p) => p.row),
  );
  const environments = await insert(schema.environments, catalog.environments);
  const gatePolicies = await insert(schema.gatePolicies, catalog.gatePolicies);
  const pipelines = await insert(
    schema.pipelines,
    catalog.pipelines.map((p) => p.row),
  );
  const pipelineRuns = await insertAsJson(
    tx,
    schema.pipelineRuns,
    plan.runs.map((r) => r.row),
  );
  const pipelineJobs = await insertAsJson(
    tx,
    schema.pipelineJobs,
    plan.runs.flatMap((r) => r.jobs),
  );
  const models = await insert(
    schema.models,
    plan.models.map((m) => m.row),
  );
  const modelVersions = await insert(
    schema.modelVersions,
    plan.models.flatMap((m) => m.versions.map((v) => v.row)),
  );
  const modelMetricHistory = await insertAsJson(tx, schema.modelMetricHistory, plan.metricHistory);
  const modelAliases = await insert(schema.modelAliases, plan.aliases);
  const modelAliasEvents = await insert(schema.modelAliasEvents, plan.aliasEvents);
  const releases = await insert(
    schema.releases,
    plan.releases.map((r) => r.row),
  );
  const releaseModelVersions = await insert(schema.releaseModelVersions, plan.releaseModelVersions);
  const deployments = await insert(
    schema.deployments,
    plan.deployments.map((d) => d.row),
  );
  const promotionRequests = await insert(schema.promotionRequests, promotions.requests);
  const approvals = await insert(schema.approvals, promotions.approvals);
  const metricSeries = await insert(schema.metricSeries, monitoring.series);
  const metricPoints = await insertPoints(tx, monitoring.points);
  const alertRules = await insert(schema.alertRules, monitoring.rules);
  const alerts = await insert(schema.alerts, monitoring.alerts);
  const auditEvents = await insertAsJson(tx, schema.auditEvents, plan.audit);
  return {
    users,
    connections,
    projects,
    environments,
    gatePolicies,
    pipelines,
    pipelineRuns,
    pipelineJobs,
    releases,
    releaseModelVersions,
    deployments,
    models,
    modelVersions,
    modelMetricHistory,
    modelAliases,
    modelAliasEvents,
    promotionRequests,
    approvals,
    metricSeries,
    metricPoints,
    alertRules,
    alerts,
    auditEvents,
  };
}
