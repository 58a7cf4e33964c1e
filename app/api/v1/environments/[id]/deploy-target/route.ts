import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { deployTargetBody } from "@/lib/deployments/deploy-target-schema";
import { setDeployTarget } from "@/lib/deployments/set-deploy-target";

/** Sets (or, with null, removes) the environment's deploy target: 200 `{ environmentId, deployTarget }`. Admins (gates:write). */
export const PUT = apiRoute<{ id: string }>("gates:write", async ({ request, actor, params }) => {
  const { deployTarget } = await readJson(request, deployTargetBody);
  return NextResponse.json(
    await setDeployTarget({ db: await getDb(), actor }, { deployTarget, environmentId: params.id }),
  );
});
