import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { getConnectionHealth } from "@/lib/connections/get-connection-health";
import { getDb } from "@/lib/db";

/** Last delivery, last sync, last error and the last 24 hours of deliveries by outcome: `{ health }`. */
export const GET = apiRoute<{ id: string }>("connections:read", async ({ actor, params }) => {
  const health = await getConnectionHealth({ db: await getDb(), actor }, { id: params.id });
  return NextResponse.json({ health });
});
