import "server-only";
import { eq } from "drizzle-orm";
import { AppError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { models, modelVersions } from "@/lib/db/schema";
import { isUuid, parseBody } from "./access";
import { writeHistory } from "./history";
import { type AppendHistoryInput, appendHistoryBody } from "./schemas";

/**
 * Appends metric history to a version (up to 100,000 points, written 5,000 per statement),
 * upserting on (version, key, step): a changed value replaces the stored one, and a
 * repeated batch writes nothing and answers `written: 0`. Needs models:write; a version
 * outside the actor's projects is a 404. Audited `model_version.history_append` when
 * something was written.
 */
export async function appendMetricHistory(
  ctx: ServiceContext,
  input: { versionId: string; body: AppendHistoryInput },
): Promise<{ written: number }> {
  assertCan(ctx.actor, "models:write");
  const body = parseBody(appendHistoryBody, input.body);
  const notFound = new AppError("not_found", "Model version not found.");
  if (!isUuid(input.versionId)) throw notFound;
  return ctx.db.transaction(async (tx) => {
    const [version] = await tx
      .select({ id: modelVersions.id, version: modelVersions.version, projectId: models.projectId })
      .from(modelVersions)
      .innerJoin(models, eq(models.id, modelVersions.modelId))
      .where(eq(modelVersions.id, input.versionId))
      .limit(1);
    if (!version || (ctx.actor.projectIds && !ctx.actor.projectIds.includes(version.projectId))) {
      throw notFound;
    }
    const written = await writeHistory(tx, version.id, body.points, nowOf(ctx), "upsert");
    if (written > 0) {
      await recordAudit(tx, ctx.actor, {
        action: "model_version.history_append",
        targetType: "model_version",
        targetId: version.id,
        projectId: version.projectId,
        data: {
          points: body.points.length,
          written,
          keys: [...new Set(body.points.map((p) => p.key))].slice(0, 20),
        },
      });
    }
    return { written };
  });
}
