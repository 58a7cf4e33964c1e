import "server-only";
import { eq } from "drizzle-orm";
import { AppError, parseInput } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { seal } from "@/lib/crypto/secret-box";
import { connections } from "@/lib/db/schema";
import { requestSyncAfterCommit } from "@/lib/sync/enqueue-sync";
import { assertProjectsExist } from "./assert-projects-exist";
import { checkBaseUrl } from "./base-url";
import { isCiConnectionKind, isManagedConnectionKind } from "./kinds";
import { loadConnectionRow } from "./load-connection";
import { assertPullProjectsExist, parseConfigFor, sealPullAuth } from "./pull-connection";
import { type UpdateConnectionInput, updateConnectionInput } from "./schemas";
import { type ConnectionSummary, connectionSummaryColumns, toConnectionSummary } from "./summary";

/** JSON with keys sorted, so a jsonb round trip (which reorders keys) compares equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function badBaseUrl(message: string): AppError {
  return new AppError("invalid_request", message, { fields: [{ path: "baseUrl", message }] });
}

/**
 * Changes a connection's name, base URL, token, repository mapping or enabled flag. Needs
 * connections:write. A missing or blank token keeps the stored one. Config keys this verb
 * does not own (e.g. sync state) are kept. The audit row names what changed, never values
 * of secrets. A sync is queued after the commit when what it reads changed.
 */
export async function updateConnection(
  ctx: ServiceContext,
  rawInput: UpdateConnectionInput,
): Promise<ConnectionSummary> {
  assertCan(ctx.actor, "connections:write");
  const input = parseInput(updateConnectionInput, rawInput);
  let resync = false;
  const updated = await ctx.db.transaction(async (tx) => {
    const current = await loadConnectionRow(tx, input.id, { forUpdate: true });
    const changes: Partial<typeof connections.$inferInsert> = {};
    if (input.name !== undefined && input.name !== current.name) changes.name = input.name;
    if (input.baseUrl !== undefined) {
      if (!isManagedConnectionKind(current.kind))
        throw badBaseUrl("This kind of connection is not managed here.");
      const checked = checkBaseUrl(current.kind, input.baseUrl);
      if (!checked.ok) throw badBaseUrl(checked.message);
      if (checked.url !== current.baseUrl) changes.baseUrl = checked.url;
    }
    const ci = isCiConnectionKind(current.kind);
    if (input.token && ci) changes.credentialsEncrypted = seal(input.token);
    if (input.auth && !ci) changes.credentialsEncrypted = sealPullAuth(input.auth);
    if (input.enabled !== undefined && input.enabled !== current.enabled) changes.enabled = input.enabled;
    if (input.config) {
      if (!isManagedConnectionKind(current.kind))
        throw new AppError("invalid_request", "This kind of connection is not managed here.");
      const config = parseConfigFor(current.kind, input.config);
      if ("repositories" in config) await assertProjectsExist(tx, config);
      else
        await assertPullProjectsExist(
          tx,
          "models" in config ? { kind: "mlflow", config } : { kind: "prometheus", config },
        );
      const merged: Record<string, unknown> = { ...current.config, ...config };
      if (!("defaultProjectId" in config) || config.defaultProjectId === undefined)
        delete merged.defaultProjectId;
      if (canonical(merged) !== canonical(current.config)) changes.config = merged;
    }
    const changed = Object.keys(changes).map((key) => (key === "credentialsEncrypted" ? "token" : key));
    if (changed.length === 0) {
      const [row] = await tx
        .select(connectionSummaryColumns)
        .from(connections)
        .where(eq(connections.id, current.id));
      return toConnectionSummary(row!);
    }
    const [row] = await tx
      .update(connections)
      .set({ ...changes, updatedAt: nowOf(ctx) })
      .where(eq(connections.id, current.id))
      .returning(connectionSummaryColumns);
    if (!row) throw new AppError("not_found", "Connection not found.");
    // New repositories, a new address or token, or re-enabling: backfill what is missing.
    resync =
      ci &&
      row.enabled &&
      Boolean(changes.config || changes.baseUrl || changes.credentialsEncrypted || changes.enabled);
    await recordAudit(tx, ctx.actor, {
      action: "connection.update",
      targetType: "connection",
      targetId: row.id,
      data: {
        name: row.name,
        changed,
        ...(changes.enabled !== undefined ? { enabled: changes.enabled } : {}),
        ...(changes.baseUrl ? { baseUrl: changes.baseUrl } : {}),
      },
    });
    return toConnectionSummary(row);
  });
  if (resync) await requestSyncAfterCommit(updated.id, "connect");
  return updated;
}
