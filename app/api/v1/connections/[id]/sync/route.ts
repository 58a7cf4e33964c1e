import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { getSyncStatus } from "@/lib/sync/get-sync-status";
import { requestSync } from "@/lib/sync/request-sync";

/** Sync progress per scope and rate-limit headroom: `{ sync }`. */
export const GET = apiRoute<{ id: string }>("connections:read", async ({ actor, params }) => {
  const sync = await getSyncStatus({ db: await getDb(), actor }, params.id);
  return NextResponse.json({ sync });
});

/** "Sync now": 202 `{ sync }` with `sync.queued` saying whether a job queue took it. */
export const POST = apiRoute<{ id: string }>("connections:write", async ({ actor, params }) => {
  const sync = await requestSync({ db: await getDb(), actor }, { id: params.id });
  return NextResponse.json({ sync }, { status: 202 });
});
