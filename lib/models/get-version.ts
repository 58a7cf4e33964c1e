import "server-only";
import { AppError } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { isUuid } from "./access";
import { loadVersionDetail, type ModelVersionDetail } from "./load-version-detail";

/**
 * One model version with params, tags, metrics, datasets, aliases, lineage (commit and
 * training run) and its deployments. Needs models:read; a version outside the actor's
 * projects, or an id that is not a version id, is a 404.
 */
export async function getModelVersion(
  ctx: ServiceContext,
  input: { id: string },
): Promise<ModelVersionDetail> {
  assertCan(ctx.actor, "models:read");
  const version = isUuid(input.id) ? await loadVersionDetail(ctx.db, input.id) : null;
  if (!version || (ctx.actor.projectIds && !ctx.actor.projectIds.includes(version.projectId))) {
    throw new AppError("not_found", "Model version not found.");
  }
  return version;
}
