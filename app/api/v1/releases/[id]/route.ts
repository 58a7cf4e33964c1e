import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { getRelease } from "@/lib/releases/get-release";

/**
 * `GET /api/v1/releases/{id}` → `{ release }`: its build run, model versions, what runs in
 * each environment and this release's deployments there, promotion requests, and the
 * commits since what runs in production.
 */
export const GET = apiRoute<{ id: string }>("deployments:read", async ({ actor, params }) => {
  const release = await getRelease({ db: await getDb(), actor }, { id: params.id });
  return NextResponse.json({ release });
});
