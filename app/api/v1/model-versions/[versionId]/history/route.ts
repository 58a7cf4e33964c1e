import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { appendMetricHistory } from "@/lib/models/append-history";
import type { AppendHistoryInput } from "@/lib/models/schemas";

/** Room for 100,000 points with timestamps (about 100 bytes each). */
const MAX_BYTES = 16_000_000;

/**
 * `POST /api/v1/model-versions/{versionId}/history` `{ points: [{ key, step, value, ts? }] }`
 * → 200 `{ written }`: upserts on (version, key, step); a repeated batch writes 0.
 */
export const POST = apiRoute<{ versionId: string }>("models:write", async ({ request, actor, params }) => {
  const body = await readJson(request, z.unknown(), MAX_BYTES);
  const result = await appendMetricHistory(
    { db: await getDb(), actor },
    { versionId: params.versionId, body: body as AppendHistoryInput },
  );
  return NextResponse.json(result);
});
