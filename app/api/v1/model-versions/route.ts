import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { searchModelVersions } from "@/lib/models/search-versions";

/**
 * `GET /api/v1/model-versions?model=&project=&alias=&tag=key:value&metric=auc>=0.9&cursor=&limit=`
 * → a page of versions, newest first. `tag` and `metric` repeat (all must hold).
 */
export const GET = apiRoute("models:read", async ({ request, actor }) => {
  const params = new URL(request.url).searchParams;
  const one = (key: string) => params.get(key) ?? undefined;
  const page = await searchModelVersions(
    { db: await getDb(), actor },
    {
      model: one("model"),
      project: one("project"),
      alias: one("alias"),
      tag: params.getAll("tag"),
      metric: params.getAll("metric"),
      cursor: one("cursor"),
      limit: one("limit"),
    },
  );
  return NextResponse.json(page);
});
