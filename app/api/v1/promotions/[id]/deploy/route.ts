import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { advancePromotion } from "@/lib/gates/advance-promotion";

/**
 * Deploys a request whose approvals are in and whose checks now pass (after a wait timer
 * or deploy window): 200 `{ request, deployment, aliasMoves }`; 409 with what it still
 * waits for otherwise.
 */
export const POST = apiRoute<{ id: string }>("promotions:approve", async ({ actor, params }) => {
  return NextResponse.json(await advancePromotion({ db: await getDb(), actor }, { id: params.id }));
});
