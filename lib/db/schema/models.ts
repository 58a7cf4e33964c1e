import {
  bigserial,
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
