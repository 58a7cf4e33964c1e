import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { fromDrizzle } from "pg-boss";
import { AppError, parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { driftBaselines, driftReports, modelVersions } from "@/lib/db/schema";
import { loadVisibleModel } from "@/lib/models/access";
import { INGEST_LIMITS } from "@/lib/monitoring/ingest/batch-schema";
import { senderBoss } from "@/lib/webhooks/enqueue";
import { incompatibility, observationCount } from "./compute-scores";
import { DRIFT_QUEUES, type DriftJobData } from "./queue-names";
import { type SubmitReportInput, submitReportInput } from "./schemas";

const field = (path: string, message: string) =>
  new AppError("invalid_request", message, { fields: [{ path, message }] });

/**
 * Accepts current samples or a histogram of one feature for a window and queues the drift
 * job, which scores it against the feature's reference. Needs monitoring:write. Everything
 * that would make the job fail is refused here with a 400 (no reference, different
 * histogram edges, categorical against numeric, a window too old or in the future).
 */
export async function submitReport(
  ctx: ServiceContext,
  rawInput: SubmitReportInput,
): Promise<{ id: string; status: "pending" }> {
  assertCan(ctx.actor, "monitoring:write");
  const input = parseInput(submitReportInput, rawInput);
  const now = nowOf(ctx).getTime();
  const windowEnd = new Date(input.window.end);
  if (windowEnd.getTime() > now + INGEST_LIMITS.maxFutureMs)
    throw field("window.end", "The window ends in the future.");
  if (windowEnd.getTime() < now - INGEST_LIMITS.maxAgeMs) {
    throw field("window.end", "The window ended longer ago than metrics are kept.");
  }
  return ctx.db.transaction(async (tx) => {
    const model = await loadVisibleModel(tx, ctx.actor, input.modelId);
    const [baseline] = await tx
      .select()
      .from(driftBaselines)
      .where(and(eq(driftBaselines.modelId, model.id), eq(driftBaselines.feature, input.feature)));
    if (!baseline) {
      throw field(
        "feature",
        `Feature "${input.feature}" has no reference distribution; PUT one to …/drift/baselines/${input.feature} first.`,
      );
    }
    const reason = incompatibility(baseline.reference, input.distribution);
    if (reason) throw field("distribution", reason);
    if (input.modelVersionId) {
      const [version] = await tx
        .select({ id: modelVersions.id })
        .from(modelVersions)
        .where(and(eq(modelVersions.id, input.modelVersionId), eq(modelVersions.modelId, model.id)));
      if (!version) throw field("modelVersionId", "The model has no such version.");
    }
    const [report] = await tx
      .insert(driftReports)
      .values({
        baselineId: baseline.id,
        modelVersionId: input.modelVersionId ?? null,
        windowStart: new Date(input.window.start),
        windowEnd,
        current: input.distribution,
        sampleCount: observationCount(input.distribution),
        createdAt: new Date(now),
      })
      .returning({ id: driftReports.id });
    const boss = await senderBoss();
    if (boss) {
      const data: DriftJobData = { reportId: report!.id };
      await boss.send(DRIFT_QUEUES.compute.name, data, { db: fromDrizzle(tx, sql) });
    }
    return { id: report!.id, status: "pending" as const };
  });
}
