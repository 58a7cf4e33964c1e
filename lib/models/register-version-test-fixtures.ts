import { and, count, eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";
import { auditEvents, modelMetricHistory, modelVersions } from "@/lib/db/schema";
import { actorWithRole } from "@/lib/db/test-factories";

/** What the register-version*.int.test.ts files share. Test code only. */

export const T0 = new Date("2026-02-01T09:00:00.000Z");

/** `n` points of one metric, steps 0..n-1. */
export function history(n: number, key = "loss") {
  return Array.from({ length: n }, (_, step) => ({ key, step, value: 1 / (step + 1) }));
}

/** Versions and history points of a model, and the register audit rows of its project. */
export async function rowCounts(db: Executor, { id: modelId, projectId }: { id: string; projectId: string }) {
  const [versions] = await db
    .select({ n: count() })
    .from(modelVersions)
    .where(eq(modelVersions.modelId, modelId));
  const [points] = await db
    .select({ n: count() })
    .from(modelMetricHistory)
    .innerJoin(modelVersions, eq(modelVersions.id, modelMetricHistory.versionId))
    .where(eq(modelVersions.modelId, modelId));
  const [audits] = await db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "model_version.register"), eq(auditEvents.projectId, projectId)));
  return { versions: Number(versions!.n), points: Number(points!.n), audits: Number(audits!.n) };
}

/** An engineer with a users row (audit rows reference it), optionally limited to projects. */
export async function engineerIn(db: Executor, projectIds: string[] | null = null): Promise<Actor> {
  const actor = await actorWithRole(db, "engineer");
  return projectIds ? { ...actor, via: "token", projectIds } : actor;
}
