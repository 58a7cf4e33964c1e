import { NextResponse } from "next/server";
import { apiRoute, readQuery } from "@/lib/api/route";
import { listDeliveries } from "@/lib/connections/list-deliveries";
import { listDeliveriesQuery } from "@/lib/connections/schemas";
import { getDb } from "@/lib/db";

/** The webhook delivery log, newest first: `{ items, nextCursor }` (never bodies); `?cursor=&limit=`. */
export const GET = apiRoute<{ id: string }>("connections:read", async ({ request, actor, params }) => {
  const query = readQuery(request, listDeliveriesQuery);
  return NextResponse.json(await listDeliveries({ db: await getDb(), actor }, { ...query, id: params.id }));
});
