import { z } from "zod";

export const DEPLOY_TARGET_KINDS = [
  "github_workflow_dispatch",
  "github_deployment",
  "gitlab_pipeline",
  "azure_pipeline_run",
] as const;

/** Which connection kind each deploy target kind starts runs on. */
export const DEPLOY_TARGET_CONNECTION_KIND = {
  github_workflow_dispatch: "github",
  github_deployment: "github",
  gitlab_pipeline: "gitlab",
  azure_pipeline_run: "azure_devops",
} as const;

const inputName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z_][A-Za-z0-9_-]*$/, "Letters, digits, _ and - only, not starting with a digit.");

/**
 * An environment's deploy target (DeployTarget in lib/db/schema/projects.ts): where Tandem
 * starts the deployment when a promotion to it is approved. Pure, shared by the verb, the
 * API route and the settings form.
 */
export const deployTargetSchema = z
  .object({
    connectionId: z.uuid("Pick a connection."),
    kind: z.enum(DEPLOY_TARGET_KINDS),
    repository: z.string().trim().min(1, "Name the repository or project.").max(300),
    workflow: z.string().trim().max(300).optional(),
    ref: z.string().trim().min(1, "Name the branch or tag to deploy from.").max(300),
    inputs: z.record(inputName, z.string().max(1000)).optional(),
    providerEnvironment: z.string().trim().max(200).optional(),
  })
  .superRefine((t, issue) => {
    if ((t.kind === "github_workflow_dispatch" || t.kind === "azure_pipeline_run") && !t.workflow) {
      issue.addIssue({
        code: "custom",
        path: ["workflow"],
        message:
          t.kind === "azure_pipeline_run"
            ? "Give the pipeline id."
            : "Give the workflow file (e.g. deploy.yml).",
      });
    }
    if (t.kind === "azure_pipeline_run" && t.workflow && !/^\d+$/.test(t.workflow)) {
      issue.addIssue({
        code: "custom",
        path: ["workflow"],
        message: "The Azure DevOps pipeline id is a number.",
      });
    }
    if (t.kind === "github_deployment" && !t.providerEnvironment) {
      issue.addIssue({
        code: "custom",
        path: ["providerEnvironment"],
        message: "Name the GitHub environment.",
      });
    }
    if (
      (t.kind === "github_workflow_dispatch" || t.kind === "github_deployment") &&
      !/^[^/\s]+\/[^/\s]+$/.test(t.repository)
    ) {
      issue.addIssue({
        code: "custom",
        path: ["repository"],
        message: "Write the repository as owner/repo.",
      });
    }
  });

/** The body of PUT /api/v1/environments/{id}/deploy-target: a target, or null to unlink. */
export const deployTargetBody = z.object({ deployTarget: deployTargetSchema.nullable() });
export type DeployTargetInput = z.input<typeof deployTargetSchema>;
