import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { policyFields, updatePolicy } from "@/lib/gates/update-policy";

/** Replaces the environment's gate policy with the whole body: 200 `{ policy }`. Admins (gates:write). */
export const PUT = apiRoute<{ id: string }>("gates:write", async ({ request, actor, params }) => {
  const fields = await readJson(request, policyFields);
  return NextResponse.json(
    await updatePolicy({ db: await getDb(), actor }, { ...fields, environmentId: params.id }),
  );
});
