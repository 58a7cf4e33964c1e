import "server-only";
import { asc } from "drizzle-orm";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { connections } from "@/lib/db/schema";
import { type ConnectionSummary, connectionSummaryColumns, toConnectionSummary } from "./summary";

/**
 * Every connection by name, with its health columns. Needs connections:read. Never returns
 * the token or the webhook secret: only `hasToken`. Organisations have a handful of
 * connections, so this is one unpaginated list.
 */
export async function listConnections(ctx: ServiceContext): Promise<ConnectionSummary[]> {
  assertCan(ctx.actor, "connections:read");
  const rows = await ctx.db
    .select(connectionSummaryColumns)
    .from(connections)
    .orderBy(asc(connections.name), asc(connections.id))
    .limit(500);
  return rows.map(toConnectionSummary);
}
