import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { cancelPromotion, cancelPromotionInput } from "@/lib/gates/cancel-promotion";
import { readOptionalJson } from "../../_lib/read-optional-json";

const body = cancelPromotionInput.omit({ id: true });

/** Withdraws a pending request (its requester or an admin), optional `{ comment }`: 200 `{ request }`. */
export const POST = apiRoute<{ id: string }>("promotions:request", async ({ request, actor, params }) => {
  const { comment } = await readOptionalJson(request, body);
  return NextResponse.json(await cancelPromotion({ db: await getDb(), actor }, { id: params.id, comment }));
});
