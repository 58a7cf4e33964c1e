import { sql } from "drizzle-orm";
import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { driftReportStatusEnum } from "./enums";
import { models, modelVersions } from "./models";
import { projects } from "./projects";

/** Either raw samples, or a histogram over fixed bin edges (counts.length = edges.length - 1). */
export type FeatureDistribution =
  | { kind: "samples"; values: number[] }
  | { kind: "histogram"; edges: number[]; counts: number[] }
  | { kind: "categorical"; counts: Record<string, number> };

/** The reference distribution of one model input feature (usually from the training set). */
export const driftBaselines = pgTable(
  "drift_baselines",
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    modelId: uuid()
      .notNull()
      .references(() => models.id, { onDelete: "cascade" }),
    feature: text().notNull(),
    reference: jsonb().$type<FeatureDistribution>().notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("drift_baselines_model_feature_idx").on(t.modelId, t.feature)],
);

/**
 * A window of current data for one feature and what the drift job computed from it. The job
 * also writes each score as a metric point (series `drift_psi` etc.), so alert rules apply.
 */
export const driftReports = pgTable(
  "drift_reports",
  {
    id: uuid().primaryKey().defaultRandom(),
    baselineId: uuid()
      .notNull()
      .references(() => driftBaselines.id, { onDelete: "cascade" }),
    modelVersionId: uuid().references(() => modelVersions.id, { onDelete: "set null" }),
    windowStart: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    windowEnd: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    current: jsonb().$type<FeatureDistribution>().notNull(),
    sampleCount: integer().notNull(),
    status: driftReportStatusEnum().notNull().default("pending"),
    psi: doublePrecision(),
    ks: doublePrecision(),
    jsDistance: doublePrecision(),
    error: text(),
    computedAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index("drift_reports_baseline_window_idx").on(t.baselineId, t.windowEnd.desc()),
    index("drift_reports_pending_idx").on(t.createdAt).where(sql`${t.status} = 'pending'`),
  ],
);
