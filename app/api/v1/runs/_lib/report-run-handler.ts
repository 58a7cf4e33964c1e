import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { reportRun } from "@/lib/runs/report-run";

type Params = { idOrProvider: string; externalId: string };

/**
 * `PUT /api/v1/runs/{provider}/{externalId}`. Lives outside route.ts because two routes
 * mount it: `runs/{provider}/jobs` (a static segment) shadows the dynamic one for a run
 * whose external id is literally "jobs".
 */
export const reportRunHandler = apiRoute<Params>("runs:write", async ({ request, actor, params }) => {
  // The verb validates the body, so provider, path and body errors come back as one 400.
  const body = await readJson(request, z.unknown());
  const result = await reportRun(
    { db: await getDb(), actor },
    { provider: params.idOrProvider, externalId: params.externalId, body },
  );
  return NextResponse.json(result, { status: result.created ? 201 : 200 });
});
