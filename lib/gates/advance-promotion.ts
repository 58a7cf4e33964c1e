import "server-only";
import { z } from "zod";
import { AppError, parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { assessPromotion } from "./assess-promotion";
import { type DeployOutcome, deployPromotion } from "./deploy-promotion";
import { loadPromotion } from "./load-promotion";

const input = z.object({ id: z.string().min(1).max(100) });

/**
 * Deploys a request whose approvals are all in but which was waiting for a check (a wait
 * timer, a deploy window, a CI run). The approvals already authorized it, so anyone who may
 * approve promotions (or the gate-checks job) may push it on once the checks pass; it is
 * refused with what it still waits for otherwise.
 */
export async function advancePromotion(ctx: ServiceContext, raw: { id: string }): Promise<DeployOutcome> {
  assertCan(ctx.actor, "promotions:approve");
  const { id } = parseInput(input, raw);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadPromotion(tx, ctx.actor, id, { lock: true });
    const { candidate, evaluation } = await assessPromotion(tx, ctx.actor, loaded, now);
    if (!evaluation.readyToDeploy || !candidate) {
      throw new AppError("conflict", `Not ready to deploy. ${evaluation.summary.replace(/\.$/, "")}.`, {
        state: evaluation.state,
        waitingFor: evaluation.waitingFor,
        blockedBy: evaluation.blockedBy,
      });
    }
    const outcome = await deployPromotion(tx, ctx.actor, { loaded, candidate, evaluation, now });
    // The row lock makes this unreachable; kept so a lost race can never look like success.
    if (!outcome) throw new AppError("conflict", "This request is no longer pending.");
    return outcome;
  });
}
