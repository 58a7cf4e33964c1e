"use server";

import { revalidatePath } from "next/cache";
import { type ActionFailure, type ActionResult, actionFailure } from "@/lib/api/action-result";
import { requireActionActor } from "@/lib/auth/require";
import { getDb } from "@/lib/db";
import { listTokens, type TokenListItem } from "@/lib/tokens/list-tokens";
import { revokeToken } from "@/lib/tokens/revoke-token";
import type { RevokeTokenInput } from "@/lib/tokens/schemas";
import { createUser } from "@/lib/users/create-user";
import type { CreateUserInput, UpdateUserInput } from "@/lib/users/schemas";
import { updateUser } from "@/lib/users/update-user";

/** Adds a user from the "New user" dialog. */
export async function createUserAction(input: CreateUserInput): Promise<ActionResult> {
  try {
    const actor = await requireActionActor("users:write");
    await createUser({ db: await getDb(), actor }, input);
  } catch (error) {
    return actionFailure(error, "user");
  }
  revalidatePath("/settings/users");
  return { ok: true };
}

/** Changes a user's role or disables / re-enables them from the users table. */
export async function updateUserAction(input: UpdateUserInput): Promise<ActionResult> {
  try {
    const actor = await requireActionActor("users:write");
    await updateUser({ db: await getDb(), actor }, input);
  } catch (error) {
    return actionFailure(error, "user");
  }
  revalidatePath("/settings/users");
  return { ok: true };
}

export type UserTokensResult = { ok: true; tokens: TokenListItem[] } | ActionFailure;

/** Someone's active API tokens, for the "Tokens" dialog (admins find and revoke a leaked one). */
export async function listUserTokensAction(userId: string): Promise<UserTokensResult> {
  try {
    const actor = await requireActionActor("users:write");
    return { ok: true, tokens: await listTokens({ db: await getDb(), actor }, { userId }) };
  } catch (error) {
    return actionFailure(error, "user tokens");
  }
}

/** Revokes anyone's token; the verb re-checks users:write and records whose token it was. */
export async function revokeUserTokenAction(input: RevokeTokenInput): Promise<ActionResult> {
  try {
    const actor = await requireActionActor("users:write");
    await revokeToken({ db: await getDb(), actor }, input);
  } catch (error) {
    return actionFailure(error, "token");
  }
  return { ok: true };
}
