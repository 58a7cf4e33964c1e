import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/route";
import { createConnection } from "@/lib/connections/create-connection";
import { listConnections } from "@/lib/connections/list-connections";
import { createConnectionInput } from "@/lib/connections/schemas";
import { getDb } from "@/lib/db";

/** Every connection, `{ items }`; tokens and webhook secrets are never included (`hasToken` only). Admins. */
export const GET = apiRoute("connections:read", async ({ actor }) => {
  return NextResponse.json({ items: await listConnections({ db: await getDb(), actor }) });
});

/**
 * Adds a GitHub, GitLab or Azure DevOps connection: 201 `{ connection, webhookSecret }`.
 * The webhook secret is shown in this answer only (afterwards: reveal it in the UI).
 */
export const POST = apiRoute("connections:write", async ({ request, actor }) => {
  const input = await readJson(request, createConnectionInput);
  const created = await createConnection({ db: await getDb(), actor }, input);
  return NextResponse.json(created, { status: 201, headers: { "cache-control": "no-store" } });
});
