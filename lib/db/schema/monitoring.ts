import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { deployments } from "./deployments";
import { alertStateEnum, comparatorEnum, retrainStatusEnum, seriesKindEnum, severityEnum } from "./enums";
import { modelVersions } from "./models";
import { environments, projects } from "./projects";
import { pipelineRuns } from "./runs";

/** A named series with labels; `key` is the canonical name+labels string and is unique. */
export const metricSeries = pgTable(
  "metric_series",
  {
    id: uuid().primaryKey().defaultRandom(),
    key: text().notNull().unique(),
    name: text().notNull(),
    kind: seriesKindEnum().notNull(),
    unit: text(),
    labels: jsonb().$type<Record<string, string>>().notNull().default({}),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    environmentId: uuid().references(() => environments.id, { onDelete: "set null" }),
    deploymentId: uuid().references(() => deployments.id, { onDelete: "set null" }),
    modelVersionId: uuid().references(() => modelVersions.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index("metric_series_project_idx").on(t.projectId, t.name)],
);

/**
 * The largest table by far. series_id has no foreign key on purpose: Postgres checks a
 * foreign key with one lookup per inserted row, which cost ~40% of ingest time. Instead
 * ingest locks the series rows it writes to (FOR KEY SHARE, as the key check would), and
 * the statement trigger `metric_series_delete_points` (hand-written in migration 0001)
 * deletes a deleted series' points and rollups, which is what the cascade did.
 */
export const metricPoints = pgTable(
  "metric_points",
  {
    seriesId: uuid().notNull(),
    ts: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    value: doublePrecision().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.seriesId, t.ts] }),
    // Points arrive roughly in time order, so a BRIN index on ts is tiny and lets the
    // retention job and cross-series time scans skip whole block ranges.
    index("metric_points_ts_brin_idx").using("brin", t.ts),
  ],
);

/**
 * min/max/sum/count of metric_points per series over fixed, epoch-aligned buckets of
 * `grainSeconds` (10 minutes and 1 hour), kept exact by statement triggers on
 * metric_points (hand-written in migration 0001), whoever writes the points. Long-range
 * charts read these instead of every raw point: a 30-day chart reads ~720 rows per series
 * instead of up to hundreds of thousands, and still keeps every peak via max.
 */
export const metricRollups = pgTable(
  "metric_rollups",
  {
    // No foreign key, like metric_points: the same trigger deletes a deleted series' rollups.
    seriesId: uuid().notNull(),
    grainSeconds: integer().notNull(),
    bucketStart: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    min: doublePrecision().notNull(),
    max: doublePrecision().notNull(),
    sum: doublePrecision().notNull(),
    count: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.seriesId, t.grainSeconds, t.bucketStart] }),
    index("metric_rollups_bucket_brin_idx").using("brin", t.bucketStart),
  ],
);

/**
 * What an alert rule starts when it fires: a retraining run through a provider connection,
 * at most once per cooldown; the version that run registers can open a promotion request
 * to `autoPromoteEnvironmentId`.
 */
export type RetrainAction = {
  connectionId: string;
  kind: "github_workflow_dispatch" | "gitlab_pipeline" | "azure_pipeline_run";
  repository: string;
  workflow?: string;
  ref: string;
  inputs?: Record<string, string>;
  cooldownMinutes: number;
  autoPromoteEnvironmentId?: string;
};

export const alertRules = pgTable("alert_rules", {
  id: uuid().primaryKey().defaultRandom(),
  projectId: uuid()
    .notNull()
    .references(() => projects.id, { onDelete: "cascade" }),
  seriesId: uuid()
    .notNull()
    .references(() => metricSeries.id, { onDelete: "cascade" }),
  name: text().notNull(),
  comparator: comparatorEnum().notNull(),
  threshold: doublePrecision().notNull(),
  windowSeconds: integer().notNull().default(300),
  forSeconds: integer().notNull().default(300),
  severity: severityEnum().notNull().default("warning"),
  enabled: boolean().notNull().default(true),
  retrain: jsonb().$type<RetrainAction>(),
  lastEvaluatedAt: timestamp({ withTimezone: true, precision: 3 }),
  createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

export const alerts = pgTable(
  "alerts",
  {
    id: uuid().primaryKey().defaultRandom(),
    ruleId: uuid()
      .notNull()
      .references(() => alertRules.id, { onDelete: "cascade" }),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    environmentId: uuid().references(() => environments.id, { onDelete: "set null" }),
    state: alertStateEnum().notNull(),
    value: doublePrecision(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    startedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    firedAt: timestamp({ withTimezone: true, precision: 3 }),
    resolvedAt: timestamp({ withTimezone: true, precision: 3 }),
  },
  (t) => [
    index("alerts_state_idx").on(t.state, t.startedAt.desc()),
    index("alerts_project_idx").on(t.projectId, t.startedAt.desc()),
  ],
);

/** One retraining run an alert started, linked forward as the run and its version arrive. */
export const retrainTriggers = pgTable(
  "retrain_triggers",
  {
    id: uuid().primaryKey().defaultRandom(),
    ruleId: uuid()
      .notNull()
      .references(() => alertRules.id, { onDelete: "cascade" }),
    alertId: uuid().references(() => alerts.id, { onDelete: "set null" }),
    connectionId: uuid(),
    status: retrainStatusEnum().notNull().default("dispatched"),
    /** What the provider answered with (run id, pipeline id, web URL). */
    externalRef: jsonb().$type<Record<string, string | number>>().notNull().default({}),
    pipelineRunId: uuid().references(() => pipelineRuns.id, { onDelete: "set null" }),
    modelVersionId: uuid().references(() => modelVersions.id, { onDelete: "set null" }),
    promotionRequestId: uuid(),
    error: text(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index("retrain_triggers_rule_created_idx").on(t.ruleId, t.createdAt.desc())],
);
