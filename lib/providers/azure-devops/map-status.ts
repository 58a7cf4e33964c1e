import { InvalidPayloadError } from "@/lib/providers/shared/payload";
import type { RunStatus } from "@/lib/providers/shared/types";

const RESULTS: Record<string, RunStatus> = {
  succeeded: "succeeded",
  partiallysucceeded: "succeeded",
  failed: "failed",
  rejected: "failed",
  canceled: "cancelled",
  cancelled: "cancelled",
  stopped: "cancelled",
  abandoned: "cancelled",
  skipped: "skipped",
};

const IN_FLIGHT: Record<string, RunStatus> = {
  notstarted: "queued",
  waiting: "queued",
  pending: "queued",
  postponed: "queued",
  none: "queued",
  inprogress: "running",
  running: "running",
  canceling: "running",
  cancelling: "running",
};

/**
 * An Azure DevOps build `status`/`result`, or a pipeline run, stage or job `state`/`result`,
 * as a Tandem status. Builds from older servers put the result in `status` itself
 * ("succeeded"); `canceling` is still in flight. A finished state without a result we know
 * is refused rather than guessed.
 */
export function azureRunStatus(state: string, result: string | null | undefined): RunStatus {
  const s = state.toLowerCase();
  if (s === "completed") {
    const mapped = result ? RESULTS[result.toLowerCase()] : undefined;
    if (!mapped)
      throw new InvalidPayloadError(`completed without a known result (result: ${result ?? "none"})`);
    return mapped;
  }
  const direct = RESULTS[s] ?? IN_FLIGHT[s];
  if (!direct) throw new InvalidPayloadError(`unknown state "${state}"`);
  return direct;
}
