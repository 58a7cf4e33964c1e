import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * How Tandem starts a deployment at a provider when a promotion to this environment is
 * approved, and the provider's own name for the environment (matched by deployment webhooks
 * and protection-rule callbacks). Validated by zod where it is edited (lib/deployments).
 */
export type DeployTarget = {
  connectionId: string;
  kind: "github_workflow_dispatch" | "github_deployment" | "gitlab_pipeline" | "azure_pipeline_run";
  /** GitHub `owner/repo`, GitLab project path or id, Azure DevOps project. */
  repository: string;
  /** GitHub workflow file or id, Azure pipeline id; unused for GitLab pipelines. */
  workflow?: string;
  ref: string;
  /** Extra inputs / variables passed to the run; Tandem adds version and request id. */
  inputs?: Record<string, string>;
  /** The provider's environment name, when it differs from the Tandem slug. */
  providerEnvironment?: string;
};

export const projects = pgTable("projects", {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  description: text().notNull().default(""),
  createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/** Environments are ordered per project by `position` (development → staging → production). */
export const environments = pgTable(
  "environments",
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    slug: text().notNull(),
    name: text().notNull(),
    position: integer().notNull(),
    isProduction: boolean().notNull().default(false),
    deployTarget: jsonb().$type<DeployTarget>(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("environments_project_slug_idx").on(t.projectId, t.slug),
    index("environments_project_position_idx").on(t.projectId, t.position),
  ],
);
