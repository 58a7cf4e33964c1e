import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, readJson, readQuery } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { createModel } from "@/lib/models/create-model";
import { listModels, listModelsInput } from "@/lib/models/list-models";
import type { CreateModelInput } from "@/lib/models/schemas";
import { dashboardScope } from "@/lib/overview/scope";

const query = listModelsInput
  .pick({ q: true, cursor: true, limit: true })
  .extend({ project: z.string().optional() });

/**
 * Registered models with version counts, latest, champion and production versions, and the
 * primary-metric trend; `?project=&q=&cursor=&limit=`.
 */
export const GET = apiRoute("models:read", async ({ request, actor }) => {
  const input = readQuery(request, query);
  const { ctx, projectIds } = await dashboardScope(actor, new URL(request.url).searchParams);
  return NextResponse.json(await listModels(ctx, { ...input, projectIds }));
});

/**
 * `POST /api/v1/models` `{ project, name, description?, owner?, tags?, primaryMetric?,
 * primaryMetricDirection? }` → 201 `{ model }`; 409 when the project already has the name.
 */
export const POST = apiRoute("models:write", async ({ request, actor }) => {
  // The verb validates, so every field error comes back in one 400.
  const body = await readJson(request, z.unknown());
  const model = await createModel({ db: await getDb(), actor }, body as CreateModelInput);
  return NextResponse.json({ model }, { status: 201 });
});
