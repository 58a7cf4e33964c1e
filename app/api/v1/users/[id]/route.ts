import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { updateUserBody } from "@/lib/users/schemas";
import { updateUser } from "@/lib/users/update-user";

/** Changes a user's role and/or `disabled`: 200 `{ user }`. */
export const PATCH = apiRoute<{ id: string }>("users:write", async ({ request, actor, params }) => {
  const body = await readJson(request, updateUserBody);
  const user = await updateUser({ db: await getDb(), actor }, { ...body, id: params.id });
  return NextResponse.json({ user });
});
