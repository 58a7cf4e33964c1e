import "server-only";
import { asc } from "drizzle-orm";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { notificationEndpoints } from "@/lib/db/schema";
import { type EndpointSummary, endpointSummaryColumns, toEndpointSummary } from "./summary";

/** Every notification endpoint by name; never secrets. Needs connections:read. */
export async function listEndpoints(ctx: ServiceContext): Promise<EndpointSummary[]> {
  assertCan(ctx.actor, "connections:read");
  const rows = await ctx.db
    .select(endpointSummaryColumns)
    .from(notificationEndpoints)
    .orderBy(asc(notificationEndpoints.name), asc(notificationEndpoints.id));
  return rows.map(toEndpointSummary);
}
