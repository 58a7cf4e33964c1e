import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { rejectPromotion, rejectPromotionInput } from "@/lib/gates/reject-promotion";

const body = rejectPromotionInput.omit({ id: true });

/** Rejects with a required `{ comment }`: 200 `{ request, rejection, ended }`. */
export const POST = apiRoute<{ id: string }>("promotions:approve", async ({ request, actor, params }) => {
  const { comment } = await readJson(request, body);
  return NextResponse.json(await rejectPromotion({ db: await getDb(), actor }, { id: params.id, comment }));
});
