import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { loadRunDetail, type RunDetail } from "./load-run-detail";

const runId = z.uuid();

/**
 * One run with its pipeline and jobs. Needs runs:read; a run outside the actor's projects,
 * or an id that is not a run id at all, is a 404 so nothing leaks.
 */
export async function getRun(ctx: ServiceContext, input: { id: string }): Promise<RunDetail> {
  assertCan(ctx.actor, "runs:read");
  const run = runId.safeParse(input.id).success ? await loadRunDetail(ctx.db, input.id) : null;
  if (!run || (ctx.actor.projectIds && !ctx.actor.projectIds.includes(run.projectId))) {
    throw new AppError("not_found", "Run not found.");
  }
  return run;
}
