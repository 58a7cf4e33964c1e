import { z } from "zod";
import { comparatorEnum, severityEnum } from "@/lib/db/schema/enums";

export const retrainActionInput = z.object({
  connectionId: z.uuid(),
  kind: z.enum(["github_workflow_dispatch", "gitlab_pipeline", "azure_pipeline_run"]),
  repository: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .describe("owner/repo (GitHub), project path (GitLab) or project (Azure DevOps)."),
  workflow: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .optional()
    .describe("Workflow file or id (GitHub), pipeline id (Azure DevOps)."),
  ref: z.string().trim().min(1).max(300),
  inputs: z.record(z.string().max(100), z.string().max(1000)).optional(),
  cooldownMinutes: z
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .describe("No new retraining run while the last one is younger."),
  autoPromoteEnvironmentId: z
    .uuid()
    .optional()
    .describe("Open a promotion request to this environment for the version the run registers."),
});

const ruleFields = {
  name: z.string().trim().min(1).max(200),
  comparator: z.enum(comparatorEnum.enumValues).describe("gt: fires above the threshold; lt: below it."),
  threshold: z.number().refine(Number.isFinite, "The threshold must be a finite number."),
  windowSeconds: z
    .int()
    .min(10)
    .max(7 * 86_400)
    .describe("The rule judges the mean of the window's points (drift_* series: the latest point)."),
  forSeconds: z
    .int()
    .min(0)
    .max(7 * 86_400)
    .describe("How long the breach must hold before firing; 0 fires at once."),
  severity: z.enum(severityEnum.enumValues),
  enabled: z.boolean(),
  retrain: retrainActionInput.nullable().describe("Start a retraining run when the alert fires."),
};

export const createRuleInput = z.object({
  seriesId: z.uuid().describe("The series to watch (GET /series); the rule belongs to its project."),
  ...ruleFields,
  windowSeconds: ruleFields.windowSeconds.default(300),
  forSeconds: ruleFields.forSeconds.default(300),
  severity: ruleFields.severity.default("warning"),
  enabled: ruleFields.enabled.default(true),
  retrain: ruleFields.retrain.default(null),
});
export type CreateRuleInput = z.input<typeof createRuleInput>;

export const updateRuleBody = z.object(ruleFields).partial();
export const updateRuleInput = updateRuleBody.extend({ id: z.uuid() });
export type UpdateRuleInput = z.input<typeof updateRuleInput>;

export const listRulesInput = z.object({
  projectIds: z.array(z.string()).nullable().default(null),
  seriesId: z.uuid().optional(),
});
export type ListRulesInput = z.input<typeof listRulesInput>;

export const listRuleAlertsInput = z.object({
  id: z.uuid(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListRuleAlertsInput = z.input<typeof listRuleAlertsInput>;
