import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { registerModelVersion } from "@/lib/models/register-version";
import type { RegisterVersionInput } from "@/lib/models/schemas";

/** Room for 100,000 history points with timestamps (about 100 bytes each). */
const REGISTER_MAX_BYTES = 16_000_000;

/**
 * `POST /api/v1/models/{modelId}/versions`: registers a version with metrics, params, tags
 * and history in one call → 201 `{ version, created: true }`. The same `clientKey` again
 * → 200 `{ version, created: false }` with the version it first created, even if the body
 * differs; nothing is written.
 */
export const POST = apiRoute<{ modelId: string }>("models:write", async ({ request, actor, params }) => {
  const body = await readJson(request, z.unknown(), REGISTER_MAX_BYTES);
  const result = await registerModelVersion(
    { db: await getDb(), actor },
    { modelId: params.modelId, body: body as RegisterVersionInput },
  );
  return NextResponse.json(result, { status: result.created ? 201 : 200 });
});
