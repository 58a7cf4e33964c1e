import { count, eq, gte } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { listActivity } from "@/lib/audit/list-activity";
import { pipelineRuns, projects } from "@/lib/db/schema";
import { seedDemo } from "@/lib/db/seed";
import { expectAppError, testActor } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { getDeploymentMatrix } from "@/lib/deployments/get-deployment-matrix";
import { getOverviewHealth } from "./get-overview-health";
import { getRunActivity } from "./get-run-activity";

const NOW = new Date("2026-06-15T12:00:00Z");
const DAY = 86_400_000;

// The overview reads on the seeded demo organisation: the numbers a newcomer sees first.
describeEachDatabase("overview reads on the demo organisation", (kind) => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  let checkoutId: string;
  const ctx = () => ({ db: handle.db, actor: testActor("admin"), now: NOW });

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    await seedDemo(handle.db, { now: NOW });
    const [checkout] = await handle.db.select().from(projects).where(eq(projects.slug, "checkout-service"));
    checkoutId = checkout!.id;
  });
  afterAll(() => handle.drop());

  it("reports health: success rate, failing pipelines, pending approvals, one firing alert", async () => {
    const health = await getOverviewHealth(ctx(), { projectIds: null, rangeMs: 7 * DAY });
    expect(health.runsFinished).toBeGreaterThan(50);
    expect(health.successRate).toBeGreaterThan(0.5);
    expect(health.successRate).toBeLessThan(1);
    expect(health.failingPipelines.length).toBeGreaterThanOrEqual(1);
    expect(health.pendingApprovals).toBeGreaterThanOrEqual(3);
    expect(health.firingAlerts).toBe(1);
  });

  it("narrows health to one project", async () => {
    const all = await getOverviewHealth(ctx(), { projectIds: null, rangeMs: 30 * DAY });
    const one = await getOverviewHealth(ctx(), { projectIds: [checkoutId], rangeMs: 30 * DAY });
    expect(one.runsFinished).toBeGreaterThan(0);
    expect(one.runsFinished).toBeLessThan(all.runsFinished);
  });

  it("buckets run activity daily over a week and hourly over a day, counting every run once", async () => {
    const week = await getRunActivity(ctx(), { projectIds: null, rangeMs: 7 * DAY });
    expect(week.bucket).toBe("day");
    expect(week.buckets.length).toBeGreaterThanOrEqual(7);
    expect(week.buckets.length).toBeLessThanOrEqual(8);
    const [expected] = await handle.db
      .select({ n: count() })
      .from(pipelineRuns)
      .where(gte(pipelineRuns.queuedAt, new Date(NOW.getTime() - 7 * DAY)));
    const total = week.buckets.reduce((sum, b) => sum + b.succeeded + b.failed + b.other, 0);
    expect(total).toBe(expected!.n);
    expect(week.buckets.map((b) => b.bucketStart)).toEqual(
      [...week.buckets.map((b) => b.bucketStart)].sort(),
    );
    const day = await getRunActivity(ctx(), { projectIds: null, rangeMs: DAY });
    expect(day.bucket).toBe("hour");
    expect(day.buckets.every((b) => b.bucketStart.endsWith(":00:00Z"))).toBe(true);
  });

  it("shows what is deployed in every environment of every project", async () => {
    const matrix = await getDeploymentMatrix(ctx(), { projectIds: null });
    expect(matrix.environments).toEqual(["Development", "Staging", "Production"]);
    expect(matrix.rows).toHaveLength(3);
    for (const row of matrix.rows) {
      const production = row.cells.find((c) => c.environmentSlug === "production");
      expect(production?.current?.status).toBe("succeeded");
      expect(production?.current?.label).toBeTruthy();
    }
  });

  it("hides user and token administration from the activity feed of non-admins", async () => {
    const admin = await listActivity(ctx(), { projectIds: null, limit: 100 });
    const viewer = await listActivity(
      { ...ctx(), actor: testActor("viewer") },
      { projectIds: null, limit: 100 },
    );
    expect(admin.length).toBeGreaterThan(0);
    expect(viewer.every((item) => item.projectSlug !== null)).toBe(true);
    expect(admin.map((a) => a.createdAt.getTime())).toEqual(
      [...admin.map((a) => a.createdAt.getTime())].sort((a, b) => b - a),
    );
  });

  it("refuses an actor without the permission", async () => {
    const noOverview = { ...testActor("viewer"), permissions: new Set<never>() };
    await expectAppError(
      getOverviewHealth({ ...ctx(), actor: noOverview }, { projectIds: null, rangeMs: DAY }),
      "forbidden",
    );
  });
});
