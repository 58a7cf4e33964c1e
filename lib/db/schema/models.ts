import {
  bigserial,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { modelVersionStatusEnum } from "./enums";
import { projects } from "./projects";
import { pipelineRuns } from "./runs";

export const models = pgTable(
  "models",
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text().notNull(),
    description: text().notNull().default(""),
    owner: text(),
    tags: jsonb().$type<Record<string, string>>().notNull().default({}),
    /** Metric that the model is judged by, and which direction is better. */
    primaryMetric: text(),
    primaryMetricDirection: text().$type<"higher" | "lower">().notNull().default("higher"),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("models_project_name_idx").on(t.projectId, t.name)],
);

export type DatasetRef = { name: string; uri: string; digest?: string; role?: "train" | "eval" | "test" };

export const modelVersions = pgTable(
  "model_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    modelId: uuid()
      .notNull()
      .references(() => models.id, { onDelete: "cascade" }),
    version: integer().notNull(),
    artifactUri: text(),
    framework: text(),
    status: modelVersionStatusEnum().notNull().default("registered"),
    params: jsonb().$type<Record<string, string>>().notNull().default({}),
    tags: jsonb().$type<Record<string, string>>().notNull().default({}),
    /** Final value per metric key. */
    metrics: jsonb().$type<Record<string, number>>().notNull().default({}),
    datasets: jsonb().$type<DatasetRef[]>().notNull().default([]),
    commitSha: text(),
    sourceRunId: uuid().references(() => pipelineRuns.id, { onDelete: "set null" }),
    createdBy: text(),
    /** Caller-chosen idempotency key for registration through the API. */
    clientKey: text(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("model_versions_model_version_idx").on(t.modelId, t.version.desc()),
    uniqueIndex("model_versions_model_client_key_idx").on(t.modelId, t.clientKey),
    index("model_versions_source_run_idx").on(t.sourceRunId),
  ],
);

/** Metric history per step (epoch) for a version. */
export const modelMetricHistory = pgTable(
  "model_metric_history",
  {
    versionId: uuid()
      .notNull()
      .references(() => modelVersions.id, { onDelete: "cascade" }),
    key: text().notNull(),
    step: integer().notNull(),
    value: doublePrecision().notNull(),
    ts: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.key, t.step] })],
);

/** Raw bytes; node-postgres returns a Buffer and PGlite a Uint8Array (a Buffer is one too). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/**
 * Each metric-history line downsampled to at most 1,000 points, kept exact by statement
 * triggers on model_metric_history (drizzle/0003), so compare and the version page read one
 * small row per line instead of every stored step. Per step bucket the first, last, lowest
 * and highest point survive. `points` packs them sorted by step as big-endian float64
 * triples (step, value, epoch ms; Postgres' float8send): 24 bytes a point that Node reads
 * with a DataView, where jsonb cost more to print in Postgres and to parse in Node than
 * the whole rest of a comparison (lib/models/history-lines.ts decodes it).
 */
export const modelMetricLines = pgTable(
  "model_metric_lines",
  {
    versionId: uuid()
      .notNull()
      .references(() => modelVersions.id, { onDelete: "cascade" }),
    key: text().notNull(),
    /** Points stored for this line in model_metric_history. */
    total: integer().notNull(),
    firstStep: integer().notNull(),
    lastStep: integer().notNull(),
    points: bytea().notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.key] })],
);

/** Each alias (champion, challenger, production, …) is held by at most one version of a model. */
export const modelAliases = pgTable(
  "model_aliases",
  {
    modelId: uuid()
      .notNull()
      .references(() => models.id, { onDelete: "cascade" }),
    alias: text().notNull(),
    versionId: uuid()
      .notNull()
      .references(() => modelVersions.id, { onDelete: "cascade" }),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.alias] }), index("model_aliases_version_idx").on(t.versionId)],
);

export const modelAliasEvents = pgTable(
  "model_alias_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    modelId: uuid()
      .notNull()
      .references(() => models.id, { onDelete: "cascade" }),
    alias: text().notNull(),
    fromVersionId: uuid(),
    toVersionId: uuid(),
    actor: text(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index("model_alias_events_model_idx").on(t.modelId, t.createdAt.desc())],
);
