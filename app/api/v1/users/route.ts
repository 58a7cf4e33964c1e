import { NextResponse } from "next/server";
import { apiRoute, readJson, readQuery } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";
import { listUsers } from "@/lib/users/list-users";
import { createUserInput, listUsersInput } from "@/lib/users/schemas";

/** Every user, newest first: `{ items, nextCursor }`. */
export const GET = apiRoute("users:read", async ({ request, actor }) => {
  const input = readQuery(request, listUsersInput);
  return NextResponse.json(await listUsers({ db: await getDb(), actor }, input));
});

/** Adds a user: 201 `{ user }`; 409 when the email is taken. */
export const POST = apiRoute("users:write", async ({ request, actor }) => {
  const input = await readJson(request, createUserInput);
  const user = await createUser({ db: await getDb(), actor }, input);
  return NextResponse.json({ user }, { status: 201 });
});
