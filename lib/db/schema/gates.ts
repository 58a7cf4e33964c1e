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
import { deployments, releases } from "./deployments";
import { approvalDecisionEnum, promotionStatusEnum } from "./enums";
import { modelVersions } from "./models";
import { environments, projects } from "./projects";
import { users } from "./users";

export type MetricThresholdCheck = {
  metric: string;
  direction: "higher" | "lower";
  /** Largest allowed worsening against the version in the environment. */
  maxRegression: number;
  mode: "absolute" | "relative";
};

export type GateChecks = {
  metricThresholds: MetricThresholdCheck[];
  noFiringAlerts: boolean;
  requireSuccessfulCi: boolean;
};

export type DeployWindow = { days: number[]; startHour: number; endHour: number; timeZone: string };

/**
 * A promotion that a provider's own pipeline waits on: a GitHub custom deployment protection
 * rule (answered at callbackUrl), a GitLab deployment approval, or an Azure DevOps gate
 * check. The decision on the Tandem request is sent back to the provider.
 */
export type ExternalGate = {
  provider: "github" | "gitlab" | "azure_devops";
  connectionId: string;
  /** GitHub deployment_callback_url; Azure DevOps check callback; unset for GitLab. */
  callbackUrl?: string;
  /** Provider ids needed to answer (GitHub run id, GitLab project/deployment id, Azure check id). */
  ref: Record<string, string | number>;
  /** Whether the provider has been told the outcome. */
  answeredAt?: string;
};

export const gatePolicies = pgTable("gate_policies", {
  id: uuid().primaryKey().defaultRandom(),
  environmentId: uuid()
    .notNull()
    .unique()
    .references(() => environments.id, { onDelete: "cascade" }),
  requiredApprovals: integer().notNull().default(1),
  approverRoles: text().array().notNull().default(["approver", "admin"]),
  approverUserIds: uuid().array().notNull().default([]),
  allowSelfApproval: boolean().notNull().default(false),
  rejectionEndsRequest: boolean().notNull().default(true),
  checks: jsonb()
    .$type<GateChecks>()
    .notNull()
    .default({ metricThresholds: [], noFiringAlerts: true, requireSuccessfulCi: true }),
  waitMinutes: integer().notNull().default(0),
  deployWindow: jsonb().$type<DeployWindow>(),
  expiryHours: integer().notNull().default(72),
  createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/** Moves pending → approved → deploying → deployed | failed, or rejected / expired / cancelled, once. */
export const promotionRequests = pgTable(
  "promotion_requests",
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
    requestedByUserId: uuid()
      .notNull()
      .references(() => users.id),
    reason: text().notNull(),
    status: promotionStatusEnum().notNull().default("pending"),
    emergency: boolean().notNull().default(false),
    deploymentId: uuid().references(() => deployments.id, { onDelete: "set null" }),
    externalGate: jsonb().$type<ExternalGate>(),
    /** Set when the request reverts an environment to its previous deployment. */
    rollbackOfDeploymentId: uuid(),
    expiresAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    decidedAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index("promotion_requests_status_created_idx").on(t.status, t.createdAt.desc()),
    index("promotion_requests_project_created_idx").on(t.projectId, t.createdAt.desc()),
    // A version's page and the pending-request check look requests up by their subject.
    index("promotion_requests_model_version_idx").on(t.modelVersionId),
    index("promotion_requests_release_idx").on(t.releaseId),
  ],
);

export const approvals = pgTable(
  "approvals",
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => promotionRequests.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    decision: approvalDecisionEnum().notNull(),
    comment: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("approvals_request_user_idx").on(t.requestId, t.userId)],
);

/** Discussion on a promotion request, shown in its timeline. */
export const promotionComments = pgTable(
  "promotion_comments",
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => promotionRequests.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index("promotion_comments_request_created_idx").on(t.requestId, t.createdAt)],
);
