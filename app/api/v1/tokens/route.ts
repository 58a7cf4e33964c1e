import { NextResponse } from "next/server";
import { apiRoute, readJson, readQuery } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { createToken } from "@/lib/tokens/create-token";
import { listTokens } from "@/lib/tokens/list-tokens";
import { createTokenInput, listTokensInput } from "@/lib/tokens/schemas";

/** The caller's own API tokens: `{ items }` (never hashes or secrets). */
export const GET = apiRoute("tokens:manage", async ({ request, actor }) => {
  const input = readQuery(request, listTokensInput);
  return NextResponse.json({ items: await listTokens({ db: await getDb(), actor }, input) });
});

/** Creates a token for the caller: 201 `{ token, secret }`; the secret is never shown again. */
export const POST = apiRoute("tokens:manage", async ({ request, actor }) => {
  const input = await readJson(request, createTokenInput);
  const created = await createToken({ db: await getDb(), actor }, input);
  return NextResponse.json(created, { status: 201, headers: { "cache-control": "no-store" } });
});
