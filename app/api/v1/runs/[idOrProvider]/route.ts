import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { getRun } from "@/lib/runs/get-run";

/**
 * `GET /api/v1/runs/{id}`: one run with its pipeline and jobs, `{ run }`. The segment is
 * named `idOrProvider` because Next allows one dynamic name per level and
 * `PUT /runs/{provider}/{externalId}` shares this level.
 */
export const GET = apiRoute<{ idOrProvider: string }>("runs:read", async ({ actor, params }) => {
  const run = await getRun({ db: await getDb(), actor }, { id: params.idOrProvider });
  return NextResponse.json({ run });
});
