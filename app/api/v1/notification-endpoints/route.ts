import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { createEndpoint } from "@/lib/notifications/create-endpoint";
import { listEndpoints } from "@/lib/notifications/list-endpoints";
import { createEndpointInput } from "@/lib/notifications/schemas";

/** Every outgoing notification endpoint, `{ items }`; never secrets. Admins. */
export const GET = apiRoute("connections:read", async ({ actor }) => {
  return NextResponse.json({ items: await listEndpoints({ db: await getDb(), actor }) });
});

/** Adds an endpoint: 201 `{ endpoint, secret }`; the signing secret is shown in this answer only. */
export const POST = apiRoute("connections:write", async ({ request, actor }) => {
  const input = await readJson(request, createEndpointInput);
  const created = await createEndpoint({ db: await getDb(), actor }, input);
  return NextResponse.json(created, { status: 201, headers: { "cache-control": "no-store" } });
});
