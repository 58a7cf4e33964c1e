import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { getModelVersion } from "@/lib/models/get-version";

/**
 * `GET /api/v1/model-versions/{versionId}` → `{ version }` with params, tags, metrics,
 * datasets, aliases, lineage (commit, training run) and deployments.
 */
export const GET = apiRoute<{ versionId: string }>("models:read", async ({ actor, params }) => {
  const version = await getModelVersion({ db: await getDb(), actor }, { id: params.versionId });
  return NextResponse.json({ version });
});
