"use server";

import { revalidatePath } from "next/cache";
import { type ActionFailure, actionFailure } from "@/lib/api/action-result";
import { requireActionActor } from "@/lib/auth/require";
import { getDb } from "@/lib/db";
import { addComment } from "@/lib/gates/add-comment";
import { advancePromotion } from "@/lib/gates/advance-promotion";
import { approvePromotion } from "@/lib/gates/approve-promotion";
import { cancelPromotion } from "@/lib/gates/cancel-promotion";
import { rejectPromotion } from "@/lib/gates/reject-promotion";

/** What happened, in words for the toast: "deployed", or what the request still waits for. */
export type DecisionActionResult = { ok: true; status: string; message: string } | ActionFailure;

type Input = { id: string; comment: string };

async function run(
  name: string,
  body: () => Promise<{ status: string; message: string }>,
): Promise<DecisionActionResult> {
  let result: { status: string; message: string };
  try {
    result = await body();
  } catch (error) {
    return actionFailure(error, name);
  }
  revalidatePath("/approvals");
  return { ok: true, ...result };
}

/** Approves from the request page; deploys when this approval completes the quorum and checks pass. */
export async function approvePromotionAction(input: Input): Promise<DecisionActionResult> {
  return run("promotion.approve", async () => {
    const actor = await requireActionActor("promotions:approve");
    const result = await approvePromotion({ db: await getDb(), actor }, input);
    const e = result.evaluation;
    const message = result.deployment
      ? "Approved and deployed."
      : e.blockedBy.length > 0
        ? `Approval recorded, but a check fails: ${e.blockedBy.join(" ")}`
        : `Approval recorded. Still waiting for: ${e.waitingFor.join("; ")}.`;
    return { status: result.request.status, message };
  });
}

export async function rejectPromotionAction(input: Input): Promise<DecisionActionResult> {
  return run("promotion.reject", async () => {
    const actor = await requireActionActor("promotions:approve");
    const result = await rejectPromotion({ db: await getDb(), actor }, input);
    const message = result.ended
      ? "Rejected; the request is closed."
      : "Rejection recorded; the request stays open.";
    return { status: result.request.status, message };
  });
}

export async function cancelPromotionAction(input: Input): Promise<DecisionActionResult> {
  return run("promotion.cancel", async () => {
    const actor = await requireActionActor("promotions:request");
    const result = await cancelPromotion({ db: await getDb(), actor }, input);
    return { status: result.request.status, message: "Request cancelled." };
  });
}

/** Pushes an approved request on once its checks pass (wait timer over, window open). */
export async function deployPromotionAction(input: Input): Promise<DecisionActionResult> {
  return run("promotion.deploy", async () => {
    const actor = await requireActionActor("promotions:approve");
    const result = await advancePromotion({ db: await getDb(), actor }, { id: input.id });
    return { status: result.request.status, message: "Deployed." };
  });
}

/** Adds a comment from the request page; it shows on the timeline. */
export async function addCommentAction(input: { id: string; body: string }): Promise<DecisionActionResult> {
  return run("promotion.comment", async () => {
    const actor = await requireActionActor("promotions:request");
    await addComment({ db: await getDb(), actor }, input);
    return { status: "commented", message: "Comment added." };
  });
}
