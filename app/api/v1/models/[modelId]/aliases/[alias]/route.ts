import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { removeAlias } from "@/lib/models/remove-alias";
import { setAlias } from "@/lib/models/set-alias";

type Params = { modelId: string; alias: string };

/**
 * `PUT /api/v1/models/{modelId}/aliases/{alias}` `{ version }` → 200 `{ alias, version,
 * versionId, previousVersion, previousVersionId, changed }`; moves the alias there.
 */
export const PUT = apiRoute<Params>("models:write", async ({ request, actor, params }) => {
  const body = await readJson(request, z.unknown());
  const result = await setAlias(
    { db: await getDb(), actor },
    { modelId: params.modelId, alias: params.alias, body: body as { version: number } },
  );
  return NextResponse.json(result);
});

/** `DELETE /api/v1/models/{modelId}/aliases/{alias}` → 200, `changed: false` when it was not set. */
export const DELETE = apiRoute<Params>("models:write", async ({ actor, params }) => {
  const result = await removeAlias(
    { db: await getDb(), actor },
    { modelId: params.modelId, alias: params.alias },
  );
  return NextResponse.json(result);
});
