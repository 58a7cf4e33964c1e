import { NextResponse } from "next/server";
import { getRetrainChain } from "@/lib/alerts/get-retrain-chain";
import { apiRoute } from "@/lib/api/route";
import { getDb } from "@/lib/db";

type Params = { id: string };

/** The rule's feedback loop, newest first: alert → retrain run → model version → promotion request, `{ items }`. */
export const GET = apiRoute<Params>("monitoring:read", async ({ actor, params }) => {
  return NextResponse.json({
    items: await getRetrainChain({ db: await getDb(), actor }, { ruleId: params.id }),
  });
});
