import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { testConnection } from "@/lib/connections/test-connection";
import { getDb } from "@/lib/db";

/**
 * Calls the provider with the stored token: 200 `{ result }` whether or not the provider
 * accepted it (`result.ok`, `result.error` in plain words); Tandem's own errors are 4xx.
 */
export const POST = apiRoute<{ id: string }>("connections:write", async ({ actor, params }) => {
  const result = await testConnection({ db: await getDb(), actor }, { id: params.id });
  return NextResponse.json({ result });
});
