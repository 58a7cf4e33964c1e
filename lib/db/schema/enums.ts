import { pgEnum } from "drizzle-orm/pg-core";

export const roleEnum = pgEnum("role", ["viewer", "engineer", "approver", "admin"]);
export const providerEnum = pgEnum("provider", ["github", "gitlab", "azure_devops", "generic"]);
export const connectionKindEnum = pgEnum("connection_kind", [
  "github",
  "gitlab",
  "azure_devops",
  "mlflow",
  "prometheus",
  "generic",
]);
export const pipelineKindEnum = pgEnum("pipeline_kind", ["ci", "training", "deploy"]);
export const runStatusEnum = pgEnum("run_status", [
  "queued",
  "running",
  "succeeded",
  "failed",
  "cancelled",
  "skipped",
]);
export const deploymentStatusEnum = pgEnum("deployment_status", [
  "queued",
  "in_progress",
  "succeeded",
  "failed",
  "cancelled",
]);
export const modelVersionStatusEnum = pgEnum("model_version_status", [
  "registered",
  "ready",
  "failed",
  "archived",
]);
export const promotionStatusEnum = pgEnum("promotion_status", [
  "pending",
  "approved",
  "deploying",
  "deployed",
  "failed",
  "rejected",
  "expired",
  "cancelled",
]);
export const approvalDecisionEnum = pgEnum("approval_decision", ["approve", "reject"]);
export const seriesKindEnum = pgEnum("series_kind", ["service", "model"]);
export const comparatorEnum = pgEnum("comparator", ["gt", "lt"]);
export const severityEnum = pgEnum("severity", ["info", "warning", "critical"]);
export const alertStateEnum = pgEnum("alert_state", ["pending", "firing", "resolved"]);
export const syncStatusEnum = pgEnum("sync_status", ["idle", "running", "failed"]);
export const notificationStatusEnum = pgEnum("notification_status", ["pending", "delivered", "failed"]);
export const driftReportStatusEnum = pgEnum("drift_report_status", ["pending", "computed", "failed"]);
export const retrainStatusEnum = pgEnum("retrain_status", ["dispatched", "running", "succeeded", "failed"]);
export const deliveryOutcomeEnum = pgEnum("delivery_outcome", ["pending", "processed", "ignored", "failed"]);

export type Role = (typeof roleEnum.enumValues)[number];
export type RunStatus = (typeof runStatusEnum.enumValues)[number];
export type Provider = (typeof providerEnum.enumValues)[number];
export type PipelineKind = (typeof pipelineKindEnum.enumValues)[number];
export type DeploymentStatus = (typeof deploymentStatusEnum.enumValues)[number];
export type PromotionStatus = (typeof promotionStatusEnum.enumValues)[number];
