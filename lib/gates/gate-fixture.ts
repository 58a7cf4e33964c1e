import type { Executor } from "@/lib/db/client";
import type { gatePolicies } from "@/lib/db/schema";
import {
  actorWithRole,
  insertDeployment,
  insertEnvironment,
  insertGatePolicy,
  insertModel,
  insertModelVersion,
  insertProject,
  insertPromotionRequest,
  insertRelease,
  minutesAfter,
  setModelAlias,
} from "@/lib/db/test-factories";

/**
 * A small gated organisation for the gate verbs' integration tests (never imported by the
 * app): development → staging → production, production needing two approvals and holding
 * the model's accuracy within 0.01 of what runs there. `fraud v1` runs in production,
 * `fraud v2` (better) in staging, `fraud v3` (worse) in development, release 2.0.0 in
 * development.
 */
export const NOW = new Date("2026-03-02T12:00:00.000Z");

type PolicyInput = Partial<typeof gatePolicies.$inferInsert>;

export async function gateFixture(db: Executor, prodPolicy: PolicyInput = {}) {
  const project = await insertProject(db, { slug: `shop-${crypto.randomUUID().slice(0, 6)}` });
  const env = (slug: string, position: number) =>
    insertEnvironment(db, project.id, { slug, name: slug[0]!.toUpperCase() + slug.slice(1), position });
  const dev = await env("development", 0);
  const staging = await env("staging", 1);
  const prod = await insertEnvironment(db, project.id, {
    slug: "production",
    name: "Production",
    position: 2,
    isProduction: true,
  });
  await insertGatePolicy(db, prod.id, {
    requiredApprovals: 2,
    checks: {
      metricThresholds: [{ metric: "accuracy", direction: "higher", maxRegression: 0.01, mode: "absolute" }],
      noFiringAlerts: true,
      requireSuccessfulCi: false,
    },
    ...prodPolicy,
  });
  const model = await insertModel(db, project.id, { name: "fraud" });
  const v1 = await insertModelVersion(db, model.id, 1, { metrics: { accuracy: 0.9, loss: 0.3 } });
  const v2 = await insertModelVersion(db, model.id, 2, { metrics: { accuracy: 0.92, loss: 0.25 } });
  const v3 = await insertModelVersion(db, model.id, 3, { metrics: { accuracy: 0.85, loss: 0.4 } });
  const release = await insertRelease(db, project.id, {
    version: "2.0.0",
    commitSha: "c0ffee".padEnd(40, "0"),
  });
  const at = (minutes: number) => minutesAfter(NOW, minutes);
  await insertDeployment(db, prod, { modelVersionId: v1.id, startedAt: at(-3000) });
  await setModelAlias(db, model.id, "champion", v1.id);
  for (const v of [v2, v3]) {
    await insertDeployment(db, dev, { modelVersionId: v.id, startedAt: at(-2000 + v.version) });
    await insertDeployment(db, staging, { modelVersionId: v.id, startedAt: at(-1000 + v.version) });
  }
  await insertDeployment(db, dev, { releaseId: release.id, startedAt: at(-500) });
  // v3 reached staging after v2, then staging went back to v2: so v2 runs in staging (next:
  // production) and v3 only in development (next: staging).
  await insertDeployment(db, staging, { modelVersionId: v2.id, startedAt: at(-900) });

  const [requester, approverA, approverB, approverC, admin, viewer] = await Promise.all([
    actorWithRole(db, "engineer", { name: "Erin Engineer" }),
    actorWithRole(db, "approver", { name: "Ann Approver" }),
    actorWithRole(db, "approver", { name: "Bob Approver" }),
    actorWithRole(db, "approver", { name: "Cat Approver" }),
    actorWithRole(db, "admin", { name: "Ada Admin" }),
    actorWithRole(db, "viewer", { name: "Vic Viewer" }),
  ]);

  /** A pending request (inserted directly, skipping the request verb) for v2 → production. */
  const pendingRequest = (input: Parameters<typeof insertPromotionRequest>[3] = {}) =>
    insertPromotionRequest(db, prod, input.requestedByUserId ?? requester.userId, {
      modelVersionId: v2.id,
      createdAt: at(-60),
      expiresAt: at(60 * 24),
      ...input,
    });

  return {
    project,
    env: { dev, staging, prod },
    model,
    versions: { v1, v2, v3 },
    release,
    people: { requester, approverA, approverB, approverC, admin, viewer },
    pendingRequest,
    at,
  };
}
