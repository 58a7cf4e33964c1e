"use server";

import { revalidatePath } from "next/cache";
import { type ActionFailure, type ActionResult, actionFailure } from "@/lib/api/action-result";
import { requireActionActor } from "@/lib/auth/require";
import { getDb } from "@/lib/db";
import { createEndpoint } from "@/lib/notifications/create-endpoint";
import { deleteEndpoint } from "@/lib/notifications/delete-endpoint";
import type { CreateEndpointInput, UpdateEndpointInput } from "@/lib/notifications/schemas";
import { updateEndpoint } from "@/lib/notifications/update-endpoint";

const PAGE = "/settings/notifications";

export type CreateEndpointResult = { ok: true; id: string; secret: string } | ActionFailure;

/** Adds an endpoint from the "Add endpoint" dialog; its signing secret comes back this once. */
export async function createEndpointAction(input: CreateEndpointInput): Promise<CreateEndpointResult> {
  try {
    const actor = await requireActionActor("connections:write");
    const created = await createEndpoint({ db: await getDb(), actor }, input);
    revalidatePath(PAGE);
    return { ok: true, id: created.endpoint.id, secret: created.secret };
  } catch (error) {
    return actionFailure(error, "notification endpoint");
  }
}

/** Enables / disables an endpoint or changes its events. */
export async function updateEndpointAction(input: UpdateEndpointInput): Promise<ActionResult> {
  try {
    const actor = await requireActionActor("connections:write");
    await updateEndpoint({ db: await getDb(), actor }, input);
  } catch (error) {
    return actionFailure(error, "notification endpoint");
  }
  revalidatePath(PAGE);
  return { ok: true };
}

export async function deleteEndpointAction(input: { id: string }): Promise<ActionResult> {
  try {
    const actor = await requireActionActor("connections:write");
    await deleteEndpoint({ db: await getDb(), actor }, input);
  } catch (error) {
    return actionFailure(error, "notification endpoint");
  }
  revalidatePath(PAGE);
  return { ok: true };
}
