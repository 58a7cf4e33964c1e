import type {
  alertRules,
  alerts,
  approvals,
  auditEvents,
  connections,
  deployments,
  environments,
  gatePolicies,
  metricPoints,
  metricSeries,
  modelAliasEvents,
  modelAliases,
  modelMetricHistory,
  models,
  modelVersions,
  pipelineJobs,
  pipelineRuns,
  pipelines,
  projects,
  promotionRequests,
  releaseModelVersions,
  releases,
} from "@/lib/db/schema";
import type { PipelineSpec } from "./pipeline-specs";
import type { Random } from "./random";

/** Row shapes with the id chosen by the seed, so rows can point at each other before insert. */
type WithId<T> = T & { id: string };

export type ConnectionRow = WithId<typeof connections.$inferInsert>;
export type ProjectRow = WithId<typeof projects.$inferInsert>;
export type EnvironmentRow = WithId<typeof environments.$inferInsert>;
export type GatePolicyRow = WithId<typeof gatePolicies.$inferInsert>;
export type PipelineRow = WithId<typeof pipelines.$inferInsert>;
export type RunRow = WithId<typeof pipelineRuns.$inferInsert>;
export type JobRow = WithId<typeof pipelineJobs.$inferInsert>;
export type ReleaseRow = WithId<typeof releases.$inferInsert>;
export type ReleaseModelVersionRow = typeof releaseModelVersions.$inferInsert;
export type DeploymentRow = WithId<typeof deployments.$inferInsert>;
export type ModelRow = WithId<typeof models.$inferInsert>;
export type ModelVersionRow = WithId<typeof modelVersions.$inferInsert>;
export type MetricHistoryRow = typeof modelMetricHistory.$inferInsert;
export type ModelAliasRow = typeof modelAliases.$inferInsert;
export type ModelAliasEventRow = typeof modelAliasEvents.$inferInsert;
export type PromotionRequestRow = WithId<typeof promotionRequests.$inferInsert>;
export type ApprovalRow = WithId<typeof approvals.$inferInsert>;
export type MetricSeriesRow = WithId<typeof metricSeries.$inferInsert>;
export type MetricPointRow = typeof metricPoints.$inferInsert;
export type AlertRuleRow = WithId<typeof alertRules.$inferInsert>;
export type AlertRow = WithId<typeof alerts.$inferInsert>;
export type AuditEventRow = typeof auditEvents.$inferInsert;

/** A run with its jobs, and what the planner knows about it beyond the columns. */
export type PlannedRun = {
  spec: PipelineSpec;
  row: RunRow;
  jobs: JobRow[];
  /** A push or schedule on the default branch (what releases and trainings are built from). */
  onMain: boolean;
};

/** What every planner gets: the clock and a random stream of its own. */
export type PlanContext = {
  now: number;
  /** Start of pipeline history (now − 90 days). */
  start: number;
  random: Random;
};
