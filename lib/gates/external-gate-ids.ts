import type { ExternalGate } from "@/lib/db/schema";

/**
 * The deployments.external_id under which the provider's webhooks will report the
 * deployment an external gate holds back: GitHub and GitLab name their deployment, an Azure
 * DevOps check names the run (build) it belongs to when Azure sent it. Null when unknown.
 */
export function gateDeploymentExternalId(gate: ExternalGate | null | undefined): string | null {
  if (!gate) return null;
  const { deploymentId, runId } = gate.ref;
  if (gate.provider === "github" && deploymentId !== undefined) return `github:${deploymentId}`;
  if (gate.provider === "gitlab" && deploymentId !== undefined) return `gitlab:${deploymentId}`;
  if (gate.provider === "azure_devops" && runId !== undefined && runId !== "")
    return `azure_devops:run:${runId}`;
  return null;
}
