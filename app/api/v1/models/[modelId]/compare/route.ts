import { NextResponse } from "next/server";
import { parseInput } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { compareVersions } from "@/lib/models/compare/compare-versions";
import { compareQuery, parseVersionList } from "@/lib/models/compare/schemas";
import { comparisonToCsv } from "@/lib/models/compare/to-csv";

/**
 * `GET /api/v1/models/{modelId}/compare?versions=3,7,9&baseline=7` → `{ comparison }`, or with
 * `format=csv` the same comparison as a CSV download.
 */
export const GET = apiRoute<{ modelId: string }>("models:read", async ({ request, actor, params }) => {
  const query = parseInput(compareQuery, Object.fromEntries(new URL(request.url).searchParams));
  const comparison = await compareVersions(
    { db: await getDb(), actor },
    {
      modelId: params.modelId,
      versions: parseVersionList(query.versions),
      baseline: query.baseline ? Number(query.baseline) : null,
    },
  );
  if (query.format !== "csv") return NextResponse.json({ comparison });
  const name = `${comparison.model.name.replace(/[^A-Za-z0-9._-]+/g, "-")}-v${comparison.versions
    .map((v) => v.version)
    .join("-v")}.csv`;
  return new Response(comparisonToCsv(comparison), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
    },
  });
});
