import type { DeploymentStatus, RunStatus } from "@/lib/providers/shared/types";

/**
 * A workflow run's or job's `status` + `conclusion` as a Tandem status. Conclusions only
 * count once the status is `completed`; `action_required` waits for someone's approval, so it
 * is still queued; `neutral` is a pass; `stale` was superseded without running to the end.
 */
export function githubRunStatus(status: string, conclusion: string | null | undefined): RunStatus {
  if (status !== "completed") return status === "in_progress" ? "running" : "queued";
  switch (conclusion) {
    case "success":
    case "neutral":
      return "succeeded";
    case "cancelled":
    case "stale":
      return "cancelled";
    case "skipped":
      return "skipped";
    case "action_required":
      return "queued";
    default:
      // failure, timed_out, startup_failure and anything GitHub adds later: not a pass.
      return "failed";
  }
}

/** A deployment status `state`; null for `inactive`, which only marks a superseded success. */
export function githubDeploymentStatus(state: string): DeploymentStatus | null {
  switch (state) {
    case "success":
      return "succeeded";
    case "failure":
    case "error":
      return "failed";
    case "in_progress":
      return "in_progress";
    case "inactive":
      return null;
    default:
      // pending, queued, waiting
      return "queued";
  }
}
