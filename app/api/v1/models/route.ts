import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, readQuery } from "@/lib/api/route";
import { listModels, listModelsInput } from "@/lib/models/list-models";
import { dashboardScope } from "@/lib/overview/scope";

const query = listModelsInput.pick({ cursor: true, limit: true }).extend({ project: z.string().optional() });

/** Registered models with version counts, champion and primary-metric trend; `?project=&cursor=&limit=`. */
export const GET = apiRoute("models:read", async ({ request, actor }) => {
  const input = readQuery(request, query);
  const { ctx, projectIds } = await dashboardScope(actor, new URL(request.url).searchParams);
  return NextResponse.json(await listModels(ctx, { ...input, projectIds }));
});
