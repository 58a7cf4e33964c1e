import "server-only";
import { eq, sql } from "drizzle-orm";
import { AppError, parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { connections } from "@/lib/db/schema";
import { webhookUrl } from "./kinds";
import { connectionIdInput } from "./schemas";
import { type ConnectionSummary, connectionSummaryColumns, toConnectionSummary } from "./summary";

export type ConnectionDetail = ConnectionSummary & {
  /** Where the provider must send webhooks; null for kinds that do not send any. */
  webhookUrl: string | null;
  hasWebhookSecret: boolean;
};

/**
 * One connection for its settings page: the summary plus its webhook URL under `origin`
 * (Tandem's public address). Needs connections:read. The secret itself is only available
 * through `revealWebhookSecret`.
 */
export async function getConnection(
  ctx: ServiceContext,
  input: { id: string; origin: string },
): Promise<ConnectionDetail> {
  assertCan(ctx.actor, "connections:read");
  const { id } = parseInput(connectionIdInput, { id: input.id });
  const [row] = await ctx.db
    .select({
      ...connectionSummaryColumns,
      hasWebhookSecret: sql<boolean>`(${connections.webhookSecretEncrypted} is not null)`,
    })
    .from(connections)
    .where(eq(connections.id, id))
    .limit(1);
  if (!row) throw new AppError("not_found", "Connection not found.");
  const { hasWebhookSecret, ...summary } = row;
  return {
    ...toConnectionSummary(summary),
    webhookUrl: webhookUrl(input.origin, row.kind, row.id),
    hasWebhookSecret: Boolean(hasWebhookSecret),
  };
}
