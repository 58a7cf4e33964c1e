import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, readQuery } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { listFeatureDrift } from "@/lib/drift/list-feature-drift";

const query = z.object({ historyLimit: z.coerce.number().int().min(1).max(500).optional() });

/** The model's drift table: per feature, the latest PSI / KS / JS distance and recent history. */
export const GET = apiRoute<{ modelId: string }>("monitoring:read", async ({ request, actor, params }) => {
  const { historyLimit } = readQuery(request, query);
  return NextResponse.json(
    await listFeatureDrift({ db: await getDb(), actor }, { modelId: params.modelId, historyLimit }),
  );
});
