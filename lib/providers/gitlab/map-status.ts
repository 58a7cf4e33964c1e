import type { DeploymentStatus, RunStatus } from "@/lib/providers/shared/types";

/**
 * A GitLab pipeline or job status as a Tandem status. Waiting states (`created`,
 * `waiting_for_resource`, `preparing`, `pending`, `scheduled`, and `manual`, which waits for
 * a click) are queued; `canceling` is still in flight, so it is running until `canceled`.
 */
export function gitlabRunStatus(status: string): RunStatus {
  switch (status) {
    case "running":
    case "canceling":
      return "running";
    case "success":
      return "succeeded";
    case "failed":
      return "failed";
    case "canceled":
      return "cancelled";
    case "skipped":
      return "skipped";
    default:
      return "queued";
  }
}

/** A Deployment Hook `status`: created, running, success, failed, canceled, blocked or skipped. */
export function gitlabDeploymentStatus(status: string): DeploymentStatus {
  switch (status) {
    case "running":
      return "in_progress";
    case "success":
      return "succeeded";
    case "failed":
      return "failed";
    case "canceled":
    case "skipped":
      return "cancelled";
    default:
      // created, blocked (waiting for approval)
      return "queued";
  }
}
