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
import { alertStateEnum, comparatorEnum, seriesKindEnum, severityEnum } from "./enums";
import { modelVersions } from "./models";
import { environments, projects } from "./projects";

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

export const metricPoints = pgTable(
  "metric_points",
  {
    seriesId: uuid()
      .notNull()
      .references(() => metricSeries.id, { onDelete: "cascade" }),
    ts: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    value: doublePrecision().notNull(),
  },
  (t) => [primaryKey({ columns: [t.seriesId, t.ts] })],
);

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
