import "server-only";
import { and, eq, gt } from "drizzle-orm";
import { AppError } from "@/lib/api/errors";
import type { Executor } from "@/lib/db/client";
import { promotionRequests } from "@/lib/db/schema";
import type { Subject } from "./load-subjects";

/**
 * Throws 409 (naming the waiting request) when a promotion of this subject to this
 * environment is still pending and unexpired. Call it inside the transaction that holds the
 * environment row lock, so two callers cannot both pass it.
 */
export async function assertNoPendingRequest(
  tx: Executor,
  subject: Subject,
  target: { id: string; name: string },
  now: Date,
): Promise<void> {
  const sameSubject =
    subject.kind === "release"
      ? eq(promotionRequests.releaseId, subject.id)
      : eq(promotionRequests.modelVersionId, subject.id);
  const [open] = await tx
    .select({ id: promotionRequests.id })
    .from(promotionRequests)
    .where(
      and(
        eq(promotionRequests.environmentId, target.id),
        sameSubject,
        eq(promotionRequests.status, "pending"),
        gt(promotionRequests.expiresAt, now),
      ),
    )
    .limit(1);
  if (open) {
    throw new AppError(
      "conflict",
      `A promotion of ${subject.label} to ${target.name} is already waiting for approval.`,
      { requestId: open.id },
    );
  }
}
