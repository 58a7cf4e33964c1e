import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { submitReportBody } from "@/lib/drift/schemas";
import { submitReport } from "@/lib/drift/submit-report";

/** Submits current samples or a histogram of a feature: 202 `{ report: { id, status } }`; the drift job scores it. */
export const POST = apiRoute<{ modelId: string }>("monitoring:write", async ({ request, actor, params }) => {
  const body = await readJson(request, submitReportBody, 5_000_000);
  const report = await submitReport({ db: await getDb(), actor }, { ...body, modelId: params.modelId });
  return NextResponse.json({ report }, { status: 202 });
});
