import { NextResponse } from "next/server";
import { deleteRule } from "@/lib/alerts/delete-rule";
import { loadRule } from "@/lib/alerts/rule-summary";
import { updateRuleBody } from "@/lib/alerts/schemas";
import { updateRule } from "@/lib/alerts/update-rule";
import { apiRoute, readJson } from "@/lib/api/route";
import { getDb } from "@/lib/db";

type Params = { id: string };

/** One rule, `{ rule }`. */
export const GET = apiRoute<Params>("monitoring:read", async ({ actor, params }) => {
  return NextResponse.json({ rule: await loadRule(await getDb(), actor, params.id) });
});

/** Changes a rule: 200 `{ rule }`. */
export const PATCH = apiRoute<Params>("monitoring:write", async ({ request, actor, params }) => {
  const body = await readJson(request, updateRuleBody);
  const rule = await updateRule({ db: await getDb(), actor }, { ...body, id: params.id });
  return NextResponse.json({ rule });
});

/** Deletes a rule with its alerts: 204. */
export const DELETE = apiRoute<Params>("monitoring:write", async ({ actor, params }) => {
  await deleteRule({ db: await getDb(), actor }, { id: params.id });
  return new Response(null, { status: 204 });
});
