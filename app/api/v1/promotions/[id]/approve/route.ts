import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { approvePromotion, approvePromotionInput } from "@/lib/gates/approve-promotion";
import { readOptionalJson } from "../../_lib/read-optional-json";

const body = approvePromotionInput.omit({ id: true });

/**
 * Approves, with an optional `{ comment }`: 200 `{ request, approval, deployment, checks,
 * evaluation }`. `deployment` is set when this approval completed the quorum and every
 * check passes; otherwise `evaluation.waitingFor` / `blockedBy` say what is left.
 * 403 for self-approval or an approver the policy does not name; 409 when already decided.
 */
export const POST = apiRoute<{ id: string }>("promotions:approve", async ({ request, actor, params }) => {
  const { comment } = await readOptionalJson(request, body);
  return NextResponse.json(await approvePromotion({ db: await getDb(), actor }, { id: params.id, comment }));
});
