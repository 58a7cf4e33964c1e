import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { getModel } from "@/lib/models/get-model";

/**
 * `GET /api/v1/models/{modelId}` → `{ model }`: the model, its project's environments,
 * aliases, and its versions newest first (status, metrics, aliases, where each runs now).
 */
export const GET = apiRoute<{ modelId: string }>("models:read", async ({ actor, params }) => {
  const model = await getModel({ db: await getDb(), actor }, { id: params.modelId });
  return NextResponse.json({ model });
});
