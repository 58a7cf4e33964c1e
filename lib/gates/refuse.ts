import { AppError } from "@/lib/api/errors";
import type { Decision } from "./eligibility";

/**
 * Turns a refused eligibility decision into the one error type: 403 when the refusal is
 * about who is asking, 409 when it is about the request's state; the message is the
 * reasons the page shows, so API callers and people read the same words.
 */
export function assertAllowed(decision: Decision): void {
  if (decision.allowed) return;
  const message = `${decision.reasons.join(". ")}.`;
  throw new AppError(decision.refusal === "forbidden" ? "forbidden" : "conflict", message, {
    reasons: decision.reasons,
  });
}
