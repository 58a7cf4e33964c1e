import { NextResponse } from "next/server";
import { z } from "zod";
import { createRule } from "@/lib/alerts/create-rule";
import { listRules } from "@/lib/alerts/list-rules";
import { createRuleInput } from "@/lib/alerts/schemas";
import { apiRoute, readJson, readQuery } from "@/lib/api/route";
import { getDb } from "@/lib/db";

const query = z.object({ projectId: z.uuid().optional(), seriesId: z.uuid().optional() });

/** Alert rules, `{ items }`, optionally of one project or one series. */
export const GET = apiRoute("monitoring:read", async ({ request, actor }) => {
  const { projectId, seriesId } = readQuery(request, query);
  const items = await listRules(
    { db: await getDb(), actor },
    { projectIds: projectId ? [projectId] : null, seriesId },
  );
  return NextResponse.json({ items });
});

/** Adds a rule on a series: 201 `{ rule }`. */
export const POST = apiRoute("monitoring:write", async ({ request, actor }) => {
  const input = await readJson(request, createRuleInput);
  const rule = await createRule({ db: await getDb(), actor }, input);
  return NextResponse.json({ rule }, { status: 201 });
});
