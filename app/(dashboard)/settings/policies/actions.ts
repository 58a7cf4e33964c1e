"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, actionFailure } from "@/lib/api/action-result";
import { requireActionActor } from "@/lib/auth/require";
import { getDb } from "@/lib/db";
import { type UpdatePolicyInput, updatePolicy } from "@/lib/gates/update-policy";

/** Saves the policy form; the verb validates, and the audit log keeps before and after. */
export async function updatePolicyAction(input: UpdatePolicyInput): Promise<ActionResult> {
  try {
    const actor = await requireActionActor("gates:write");
    await updatePolicy({ db: await getDb(), actor }, input);
  } catch (error) {
    return actionFailure(error, "policy");
  }
  revalidatePath("/settings/policies");
  return { ok: true };
}
