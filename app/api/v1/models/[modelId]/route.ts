import { NextResponse } from "next/server";
import { apiRoute, readQuery } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { getModel } from "@/lib/models/get-model";
import { getModelQuery } from "@/lib/models/get-model-input";

/**
 * `GET /api/v1/models/{modelId}` → `{ model }`: the model, its project's environments,
 * aliases, metric columns, one page of its versions (status, metrics, aliases, where each
 * runs now) sorted by version or a metric, and one metric across versions.
 */
export const GET = apiRoute<{ modelId: string }>("models:read", async ({ request, actor, params }) => {
  const query = readQuery(request, getModelQuery);
  const model = await getModel({ db: await getDb(), actor }, { ...query, id: params.modelId });
  return NextResponse.json({ model });
});
