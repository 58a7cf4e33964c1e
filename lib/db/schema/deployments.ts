import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { deploymentStatusEnum } from "./enums";
import { modelVersions } from "./models";
import { environments, projects } from "./projects";
import { pipelineRuns } from "./runs";
import { users } from "./users";

/** What goes out together: a software build and/or model versions. */
export const releases = pgTable(
  "releases",
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    version: text().notNull(),
    commitSha: text(),
    artifactUri: text(),
    buildRunId: uuid().references(() => pipelineRuns.id, { onDelete: "set null" }),
    createdBy: text(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("releases_project_version_idx").on(t.projectId, t.version),
    index("releases_project_created_idx").on(t.projectId, t.createdAt.desc()),
  ],
);

export const releaseModelVersions = pgTable(
  "release_model_versions",
  {
    releaseId: uuid()
      .notNull()
      .references(() => releases.id, { onDelete: "cascade" }),
    modelVersionId: uuid()
      .notNull()
      .references(() => modelVersions.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.modelVersionId] })],
);

/** What went to which environment; rollbacks are deployments too. */
export const deployments = pgTable(
  "deployments",
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    environmentId: uuid()
      .notNull()
      .references(() => environments.id, { onDelete: "cascade" }),
    releaseId: uuid().references(() => releases.id, { onDelete: "set null" }),
    modelVersionId: uuid().references(() => modelVersions.id, { onDelete: "set null" }),
    runId: uuid().references(() => pipelineRuns.id, { onDelete: "set null" }),
    promotionRequestId: uuid(),
    status: deploymentStatusEnum().notNull(),
    isRollback: boolean().notNull().default(false),
    rollbackOfId: uuid(),
    deployedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    actor: text(),
    description: text(),
    externalId: text(),
    url: text(),
    startedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    check("deployments_has_subject", sql`${t.releaseId} is not null or ${t.modelVersionId} is not null`),
    index("deployments_environment_started_idx").on(t.environmentId, t.startedAt.desc(), t.id.desc()),
    index("deployments_project_started_idx").on(t.projectId, t.startedAt.desc(), t.id.desc()),
    index("deployments_started_idx").on(t.startedAt.desc(), t.id.desc()),
    index("deployments_model_version_idx").on(t.modelVersionId),
    index("deployments_run_idx").on(t.runId),
    // A provider's deployment id lands once per environment, however many webhooks report it.
    uniqueIndex("deployments_environment_external_idx")
      .on(t.environmentId, t.externalId)
      .where(sql`${t.externalId} is not null`),
  ],
);
