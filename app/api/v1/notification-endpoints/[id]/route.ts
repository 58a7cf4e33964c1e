import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { deleteEndpoint } from "@/lib/notifications/delete-endpoint";
import { updateEndpointBody } from "@/lib/notifications/schemas";
import { updateEndpoint } from "@/lib/notifications/update-endpoint";

type Params = { id: string };

/** Changes name, url, events or enabled: 200 `{ endpoint }`. */
export const PATCH = apiRoute<Params>("connections:write", async ({ request, actor, params }) => {
  const body = await readJson(request, updateEndpointBody);
  const endpoint = await updateEndpoint({ db: await getDb(), actor }, { ...body, id: params.id });
  return NextResponse.json({ endpoint });
});

/** Deletes the endpoint and its delivery log: 204. */
export const DELETE = apiRoute<Params>("connections:write", async ({ actor, params }) => {
  await deleteEndpoint({ db: await getDb(), actor }, { id: params.id });
  return new Response(null, { status: 204 });
});
