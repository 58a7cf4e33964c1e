import { NextResponse } from "next/server";
import { listRuleAlerts } from "@/lib/alerts/list-rule-alerts";
import { listRuleAlertsInput } from "@/lib/alerts/schemas";
import { apiRoute, readQuery } from "@/lib/api/route";
import { getDb } from "@/lib/db";

type Params = { id: string };
const query = listRuleAlertsInput.omit({ id: true });

/** The rule's alert history, newest first: `{ items, nextCursor }`. */
export const GET = apiRoute<Params>("monitoring:read", async ({ request, actor, params }) => {
  const input = readQuery(request, query);
  return NextResponse.json(await listRuleAlerts({ db: await getDb(), actor }, { ...input, id: params.id }));
});
