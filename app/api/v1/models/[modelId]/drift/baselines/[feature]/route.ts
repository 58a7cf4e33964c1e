import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { setBaselineBody } from "@/lib/drift/schemas";
import { setBaseline } from "@/lib/drift/set-baseline";

type Params = { modelId: string; feature: string };

/** Sets or replaces a feature's reference distribution: 200 `{ baseline }`. */
export const PUT = apiRoute<Params>("monitoring:write", async ({ request, actor, params }) => {
  const { reference } = await readJson(request, setBaselineBody, 5_000_000);
  const baseline = await setBaseline(
    { db: await getDb(), actor },
    { modelId: params.modelId, feature: decodeURIComponent(params.feature), reference },
  );
  return NextResponse.json({ baseline });
});
