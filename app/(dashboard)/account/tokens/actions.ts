"use server";

import { revalidatePath } from "next/cache";
import { type ActionFailure, type ActionResult, actionFailure } from "@/lib/api/action-result";
import { requireActionActor } from "@/lib/auth/require";
import { getDb } from "@/lib/db";
import { type CreatedToken, createToken } from "@/lib/tokens/create-token";
import { revokeToken } from "@/lib/tokens/revoke-token";
import type { CreateTokenInput, RevokeTokenInput } from "@/lib/tokens/schemas";

export type CreateTokenResult = ({ ok: true } & CreatedToken) | ActionFailure;

/** Creates a token for the signed-in person; the secret comes back in this result only. */
export async function createTokenAction(input: CreateTokenInput): Promise<CreateTokenResult> {
  let created: CreatedToken;
  try {
    const actor = await requireActionActor("tokens:manage");
    created = await createToken({ db: await getDb(), actor }, input);
  } catch (error) {
    return actionFailure(error, "token");
  }
  revalidatePath("/account/tokens");
  return { ok: true, ...created };
}

/** Revokes one of the signed-in person's own tokens. */
export async function revokeTokenAction(input: RevokeTokenInput): Promise<ActionResult> {
  try {
    const actor = await requireActionActor("tokens:manage");
    await revokeToken({ db: await getDb(), actor }, input);
  } catch (error) {
    return actionFailure(error, "token");
  }
  revalidatePath("/account/tokens");
  return { ok: true };
}
