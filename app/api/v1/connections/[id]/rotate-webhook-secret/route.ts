import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { rotateWebhookSecret } from "@/lib/connections/rotate-webhook-secret";
import { getDb } from "@/lib/db";

/** Replaces the webhook secret: 200 `{ webhookSecret }`, shown this once; the old one stops working. */
export const POST = apiRoute<{ id: string }>("connections:write", async ({ actor, params }) => {
  const result = await rotateWebhookSecret({ db: await getDb(), actor }, { id: params.id });
  return NextResponse.json(result, { headers: { "cache-control": "no-store" } });
});
