"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, actionFailure } from "@/lib/api/action-result";
import { requireActionActor } from "@/lib/auth/require";
import { getDb } from "@/lib/db";
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
