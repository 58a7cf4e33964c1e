import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { INGEST_LIMITS } from "@/lib/monitoring/ingest/batch-schema";
import { ingestMetrics } from "@/lib/monitoring/ingest-metrics";

/**
 * `POST /api/v1/metrics`: a batch of points for named, labelled series (up to 100,000
 * points, 10 MB). The verb validates the body, so every error names its series and point.
 */
export const POST = apiRoute("monitoring:write", async ({ request, actor }) => {
  const body = await readJson(request, z.unknown(), INGEST_LIMITS.bodyBytes);
  return NextResponse.json(await ingestMetrics({ db: await getDb(), actor }, body));
});
