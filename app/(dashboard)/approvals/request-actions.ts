"use server";

import { revalidatePath } from "next/cache";
import { type ActionFailure, actionFailure } from "@/lib/api/action-result";
import { requireActionActor } from "@/lib/auth/require";
import { getDb } from "@/lib/db";
import { type RequestPromotionInput, requestPromotion } from "@/lib/gates/request-promotion";
import { type RequestRollbackInput, requestRollback } from "@/lib/gates/request-rollback";

/** The new request's id, for a link to its page; or the refusal in the verb's words. */
export type RequestActionResult = { ok: true; requestId: string } | ActionFailure;

/** "Request promotion" dialog: the same verb as POST /api/v1/promotions. */
export async function requestPromotionAction(input: RequestPromotionInput): Promise<RequestActionResult> {
  let requestId: string;
  try {
    const actor = await requireActionActor("promotions:request");
    requestId = (await requestPromotion({ db: await getDb(), actor }, input)).request.id;
  } catch (error) {
    return actionFailure(error, "promotion.request");
  }
  revalidatePath("/approvals");
  revalidatePath("/deployments");
  return { ok: true, requestId };
}

/** "Roll back" on the deployments board: a promotion request for the previous version. */
export async function requestRollbackAction(input: RequestRollbackInput): Promise<RequestActionResult> {
  let requestId: string;
  try {
    const actor = await requireActionActor("promotions:request");
    requestId = (await requestRollback({ db: await getDb(), actor }, input)).request.id;
  } catch (error) {
    return actionFailure(error, "promotion.rollback");
  }
  revalidatePath("/approvals");
  revalidatePath("/deployments");
  return { ok: true, requestId };
}
