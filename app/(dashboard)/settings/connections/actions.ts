"use server";

import { revalidatePath } from "next/cache";
import { type ActionFailure, type ActionResult, actionFailure } from "@/lib/api/action-result";
import { requireActionActor } from "@/lib/auth/require";
import { createConnection } from "@/lib/connections/create-connection";
import { deleteConnection } from "@/lib/connections/delete-connection";
import { revealWebhookSecret } from "@/lib/connections/reveal-webhook-secret";
import { rotateWebhookSecret } from "@/lib/connections/rotate-webhook-secret";
import type {
  ConnectionIdInput,
  CreateConnectionInput,
  UpdateConnectionInput,
} from "@/lib/connections/schemas";
import { type TestConnectionResult, testConnection } from "@/lib/connections/test-connection";
import { updateConnection } from "@/lib/connections/update-connection";
import { getDb } from "@/lib/db";
import { replayDelivery } from "@/lib/webhooks/replay-delivery";

const LIST = "/settings/connections";
const detail = (id: string) => `${LIST}/${id}`;

export type CreateConnectionResult = { ok: true; id: string; webhookSecret: string | null } | ActionFailure;
export type SecretResult = { ok: true; webhookSecret: string } | ActionFailure;
export type ReplayResult = { ok: true; outcome: string; error: string | null } | ActionFailure;
export type TestResult = { ok: true; result: TestConnectionResult } | ActionFailure;

/** Adds a connection from the "Add connection" dialog; the new webhook secret comes back once. */
export async function createConnectionAction(input: CreateConnectionInput): Promise<CreateConnectionResult> {
  try {
    const actor = await requireActionActor("connections:write");
    const created = await createConnection({ db: await getDb(), actor }, input);
    revalidatePath(LIST);
    return { ok: true, id: created.connection.id, webhookSecret: created.webhookSecret };
  } catch (error) {
    return actionFailure(error, "connection");
  }
}

/** Saves the edit form, or flips `enabled`; a blank token keeps the stored one. */
export async function updateConnectionAction(input: UpdateConnectionInput): Promise<ActionResult> {
  try {
    const actor = await requireActionActor("connections:write");
    await updateConnection({ db: await getDb(), actor }, input);
  } catch (error) {
    return actionFailure(error, "connection");
  }
  revalidatePath(LIST);
  revalidatePath(detail(input.id));
  return { ok: true };
}

export async function deleteConnectionAction(input: ConnectionIdInput): Promise<ActionResult> {
  try {
    const actor = await requireActionActor("connections:write");
    await deleteConnection({ db: await getDb(), actor }, input);
  } catch (error) {
    return actionFailure(error, "connection");
  }
  revalidatePath(LIST);
  return { ok: true };
}

/** "Test connection": the provider's answer, also when it refused (that is a result, not a failure). */
export async function testConnectionAction(input: ConnectionIdInput): Promise<TestResult> {
  try {
    const actor = await requireActionActor("connections:write");
    return { ok: true, result: await testConnection({ db: await getDb(), actor }, input) };
  } catch (error) {
    return actionFailure(error, "connection");
  }
}

/** Shows the webhook secret; the verb audits every reveal. */
export async function revealWebhookSecretAction(input: ConnectionIdInput): Promise<SecretResult> {
  try {
    const actor = await requireActionActor("connections:write");
    return { ok: true, ...(await revealWebhookSecret({ db: await getDb(), actor }, input)) };
  } catch (error) {
    return actionFailure(error, "connection");
  }
}

export async function rotateWebhookSecretAction(input: ConnectionIdInput): Promise<SecretResult> {
  try {
    const actor = await requireActionActor("connections:write");
    const result = await rotateWebhookSecret({ db: await getDb(), actor }, input);
    revalidatePath(detail(input.id));
    return { ok: true, ...result };
  } catch (error) {
    return actionFailure(error, "connection");
  }
}

/** Normalizes a stored delivery again (e.g. after fixing a repository mapping); audited. */
export async function replayDeliveryAction(input: { deliveryId: number }): Promise<ReplayResult> {
  try {
    const actor = await requireActionActor("connections:write");
    const result = await replayDelivery({ db: await getDb(), actor }, input.deliveryId);
    return { ok: true, outcome: result.outcome, error: result.error };
  } catch (error) {
    return actionFailure(error, "connection");
  }
}
