import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { reportJobs } from "@/lib/runs/report-jobs";
import { reportRunHandler } from "../../_lib/report-run-handler";

/** `POST /api/v1/runs/{id}/jobs` `{ jobs: [...] }`: upserts jobs of a run; 200 `{ runId, count }`. */
export const POST = apiRoute<{ idOrProvider: string }>("runs:write", async ({ request, actor, params }) => {
  const body = await readJson(request, z.unknown());
  const result = await reportJobs({ db: await getDb(), actor }, { runId: params.idOrProvider, body });
  return NextResponse.json(result);
});

/**
 * This static `jobs` segment shadows `PUT /runs/{provider}/{externalId}` for a run whose
 * external id is literally "jobs"; answer that PUT here too instead of a 405.
 */
export async function PUT(request: Request, context: { params: Promise<{ idOrProvider: string }> }) {
  const params = context.params.then((p) => ({ ...p, externalId: "jobs" }));
  return reportRunHandler(request, { params });
}
