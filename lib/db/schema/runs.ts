import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { connections } from "./connections";
import { pipelineKindEnum, providerEnum, runStatusEnum } from "./enums";
import { projects } from "./projects";

export const pipelines = pgTable(
  "pipelines",
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    connectionId: uuid().references(() => connections.id, { onDelete: "set null" }),
    provider: providerEnum().notNull(),
    /** The provider's id for the workflow / pipeline definition. */
    externalId: text().notNull(),
    name: text().notNull(),
    kind: pipelineKindEnum().notNull().default("ci"),
    repository: text(),
    url: text(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("pipelines_project_provider_external_idx").on(t.projectId, t.provider, t.externalId)],
);

/**
 * One execution of a pipeline, normalized across providers. `queuedAt` is when the
 * provider created the run; it is the sort key of every run list (never null).
 */
export const pipelineRuns = pgTable(
  "pipeline_runs",
  {
    id: uuid().primaryKey().defaultRandom(),
    pipelineId: uuid()
      .notNull()
      .references(() => pipelines.id, { onDelete: "cascade" }),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    provider: providerEnum().notNull(),
    externalId: text().notNull(),
    runNumber: integer(),
    attempt: integer().notNull().default(1),
    status: runStatusEnum().notNull(),
    title: text(),
    commitSha: text(),
    branch: text(),
    actor: text(),
    trigger: text(),
    url: text(),
    queuedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    startedAt: timestamp({ withTimezone: true, precision: 3 }),
    finishedAt: timestamp({ withTimezone: true, precision: 3 }),
    /** Provider's last-updated time; an older event never overwrites a newer state. */
    providerUpdatedAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("pipeline_runs_pipeline_external_idx").on(t.pipelineId, t.externalId),
    index("pipeline_runs_queued_idx").on(t.queuedAt.desc(), t.id.desc()),
    index("pipeline_runs_project_queued_idx").on(t.projectId, t.queuedAt.desc(), t.id.desc()),
    index("pipeline_runs_pipeline_queued_idx").on(t.pipelineId, t.queuedAt.desc(), t.id.desc()),
    index("pipeline_runs_commit_idx").on(t.commitSha),
    // The pipelines list filtered by branch, newest first, at millions of runs.
    index("pipeline_runs_branch_queued_idx").on(t.branch, t.queuedAt.desc(), t.id.desc()),
    index("pipeline_runs_active_idx").on(t.queuedAt.desc()).where(sql`${t.status} in ('queued', 'running')`),
  ],
);

export const pipelineJobs = pgTable(
  "pipeline_jobs",
  {
    id: uuid().primaryKey().defaultRandom(),
    runId: uuid()
      .notNull()
      .references(() => pipelineRuns.id, { onDelete: "cascade" }),
    externalId: text().notNull(),
    name: text().notNull(),
    stage: text(),
    status: runStatusEnum().notNull(),
    runner: text(),
    url: text(),
    position: integer().notNull().default(0),
    startedAt: timestamp({ withTimezone: true, precision: 3 }),
    finishedAt: timestamp({ withTimezone: true, precision: 3 }),
  },
  (t) => [uniqueIndex("pipeline_jobs_run_external_idx").on(t.runId, t.externalId)],
);
