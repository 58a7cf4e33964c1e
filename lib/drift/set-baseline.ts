import "server-only";
import { sql } from "drizzle-orm";
import { parseInput } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { driftBaselines } from "@/lib/db/schema";
import { loadVisibleModel } from "@/lib/models/access";
import { observationCount } from "./compute-scores";
import { type SetBaselineInput, setBaselineInput } from "./schemas";

export type BaselineSummary = {
  id: string;
  modelId: string;
  feature: string;
  kind: "samples" | "histogram" | "categorical";
  observations: number;
  updatedAt: Date;
};

/**
 * Sets (or replaces) the reference distribution of one feature of a model, usually from the
 * training data. Needs monitoring:write. Reports already computed keep their scores; new
 * ones are scored against the new reference.
 */
export async function setBaseline(ctx: ServiceContext, rawInput: SetBaselineInput): Promise<BaselineSummary> {
  assertCan(ctx.actor, "monitoring:write");
  const input = parseInput(setBaselineInput, rawInput);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const model = await loadVisibleModel(tx, ctx.actor, input.modelId);
    const [row] = await tx
      .insert(driftBaselines)
      .values({
        projectId: model.projectId,
        modelId: model.id,
        feature: input.feature,
        reference: input.reference,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [driftBaselines.modelId, driftBaselines.feature],
        set: { reference: sql`excluded.reference`, updatedAt: now },
      })
      .returning({ id: driftBaselines.id, updatedAt: driftBaselines.updatedAt });
    const observations = observationCount(input.reference);
    await recordAudit(tx, ctx.actor, {
      action: "drift_baseline.set",
      targetType: "model",
      targetId: model.id,
      projectId: model.projectId,
      data: { feature: input.feature, kind: input.reference.kind, observations },
    });
    return {
      id: row!.id,
      modelId: model.id,
      feature: input.feature,
      kind: input.reference.kind,
      observations,
      updatedAt: row!.updatedAt,
    };
  });
}
