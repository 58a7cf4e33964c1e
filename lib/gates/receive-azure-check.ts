import "server-only";
import { AppError } from "@/lib/api/errors";
import { loadConnectionForWebhook } from "@/lib/connections/load-connection-for-webhook";
import { seal } from "@/lib/crypto/secret-box";
import type { Executor } from "@/lib/db/client";
import { azureCheckBody, azureCheckGate, readCheckHeaders } from "@/lib/providers/azure-devops/check-request";
import { azureDevopsWebhook } from "@/lib/providers/azure-devops/webhook";
import { resolveProject } from "@/lib/providers/shared/resolve-project";
import { lockProviderObject } from "@/lib/webhooks/lock";
import { readBodyWithLimit } from "@/lib/webhooks/read-body";
import { openExternalGate } from "./open-external-gate";

/**
 * Azure DevOps's "Invoke REST API" check in callback mode calls this; it is verified like
 * the connection's webhook (basic auth password or X-Tandem-Webhook-Secret = the webhook
 * secret), opens (or finds) the promotion request, and answers at once. The decision is
 * posted back later as the TaskCompleted event (answer-external-gate.ts) with the job's
 * AuthToken, sealed at rest. 404 unknown connection, 401 bad secret, 400 missing headers/body.
 */
export async function receiveAzureCheck(db: Executor, request: Request, connectionId: string) {
  const connection = await loadConnectionForWebhook(db, connectionId, "azure_devops");
  if (!connection) throw new AppError("not_found", "Connection not found.");
  const raw = await readBodyWithLimit(request);
  if (!connection.secret || !(await azureDevopsWebhook.verify(request.headers, raw, connection.secret))) {
    throw new AppError(
      "unauthenticated",
      "The check's credentials do not match this connection's webhook secret.",
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError("invalid_request", "The body is not JSON.");
  }
  const record = (json && typeof json === "object" ? json : {}) as Record<string, unknown>;
  const check = readCheckHeaders(request.headers, record);
  if ("missing" in check) {
    throw new AppError(
      "invalid_request",
      `The check did not send ${check.missing.join(", ")}; keep the default headers.`,
    );
  }
  const body = azureCheckBody.safeParse(record);
  if (!body.success) {
    throw new AppError("invalid_request", "The check's body needs environment, repository and commit.", {
      fields: body.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  const project = resolveProject(connection.config, [body.data.repository]);
  if (project.projectId === null) throw new AppError("invalid_request", project.reason);
  const draft = azureCheckGate(check, body.data, seal(check.AuthToken));
  const projectId = project.projectId;
  const result = await db.transaction(async (tx) => {
    await lockProviderObject(tx, `${connection.id}:gate:${draft.key}`);
    return openExternalGate(tx, { projectId, connectionId: connection.id, draft });
  });
  if (result.outcome === "ignored") throw new AppError("invalid_request", result.note ?? "Nothing to gate.");
  return { status: "pending" as const, requestId: result.requestId! };
}
