import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { AppError, parseInput } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, assertProjectVisible } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { connections, type DeployTarget, environments } from "@/lib/db/schema";
import { DEPLOY_TARGET_CONNECTION_KIND, deployTargetBody } from "./deploy-target-schema";

const input = deployTargetBody.extend({ environmentId: z.uuid() });
export type SetDeployTargetInput = z.input<typeof input>;

/**
 * Links an environment to the provider run Tandem starts when a promotion to it is approved,
 * or unlinks it (null). Admins only (gates:write). The connection must exist and be of the
 * CI kind the target needs. Audited with before and after in the same transaction.
 */
export async function setDeployTarget(
  ctx: ServiceContext,
  raw: SetDeployTargetInput,
): Promise<{ environmentId: string; deployTarget: DeployTarget | null }> {
  assertCan(ctx.actor, "gates:write");
  const { environmentId, deployTarget } = parseInput(input, raw);
  return ctx.db.transaction(async (tx) => {
    const [env] = await tx
      .select()
      .from(environments)
      .where(eq(environments.id, environmentId))
      .for("update");
    if (!env) throw new AppError("not_found", "Environment not found.");
    assertProjectVisible(ctx.actor, env.projectId);
    if (deployTarget) {
      const [connection] = await tx
        .select({ kind: connections.kind, name: connections.name })
        .from(connections)
        .where(eq(connections.id, deployTarget.connectionId));
      const wanted = DEPLOY_TARGET_CONNECTION_KIND[deployTarget.kind];
      if (!connection || connection.kind !== wanted) {
        const message = connection
          ? `Connection "${connection.name}" is a ${connection.kind} connection; this target needs ${wanted}.`
          : "No such connection.";
        throw new AppError("invalid_request", message, {
          fields: [{ path: "deployTarget.connectionId", message }],
        });
      }
    }
    const next: DeployTarget | null = deployTarget ?? null;
    await tx.update(environments).set({ deployTarget: next }).where(eq(environments.id, environmentId));
    await recordAudit(tx, ctx.actor, {
      action: "environment.deploy_target",
      targetType: "environment",
      targetId: environmentId,
      projectId: env.projectId,
      data: { environment: env.slug, before: env.deployTarget ?? null, after: next },
    });
    return { environmentId, deployTarget: next };
  });
}
