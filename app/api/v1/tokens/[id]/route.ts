import { apiRoute } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { revokeToken } from "@/lib/tokens/revoke-token";

/** Revokes one of the caller's own tokens: 204, also when it was already revoked; 404 for others'. */
export const DELETE = apiRoute<{ id: string }>("tokens:manage", async ({ actor, params }) => {
  await revokeToken({ db: await getDb(), actor }, { id: params.id });
  return new Response(null, { status: 204 });
});
