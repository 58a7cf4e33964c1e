import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/route";
import { deleteConnection } from "@/lib/connections/delete-connection";
import { getConnection } from "@/lib/connections/get-connection";
import { publicOrigin } from "@/lib/connections/public-origin";
import { updateConnectionBody } from "@/lib/connections/schemas";
import { updateConnection } from "@/lib/connections/update-connection";
import { getDb } from "@/lib/db";

type Params = { id: string };

/** One connection with its webhook URL, `{ connection }`; never its secrets. */
export const GET = apiRoute<Params>("connections:read", async ({ request, actor, params }) => {
  const connection = await getConnection(
    { db: await getDb(), actor },
    { id: params.id, origin: publicOrigin(request.headers) },
  );
  return NextResponse.json({ connection });
});

/** Changes name, baseUrl, token (omitted or blank keeps it), config or enabled: 200 `{ connection }`. */
export const PATCH = apiRoute<Params>("connections:write", async ({ request, actor, params }) => {
  const body = await readJson(request, updateConnectionBody);
  const connection = await updateConnection({ db: await getDb(), actor }, { ...body, id: params.id });
  return NextResponse.json({ connection });
});

/** Deletes the connection and its delivery log: 204. Runs it brought in stay. */
export const DELETE = apiRoute<Params>("connections:write", async ({ actor, params }) => {
  await deleteConnection({ db: await getDb(), actor }, { id: params.id });
  return new Response(null, { status: 204 });
});
