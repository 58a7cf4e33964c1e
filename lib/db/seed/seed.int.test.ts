import { and, asc, count, eq, isNull, max, min, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import {
  alerts,
  approvals,
  connections,
  deployments,
  environments,
  gatePolicies,
  metricSeries,
  modelMetricHistory,
  models,
  modelVersions,
  pipelineRuns,
  projects,
  promotionRequests,
  releaseModelVersions,
  releases,
  users,
} from "@/lib/db/schema";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type SeedSummary, seedDemo, seedDemoIfEmpty } from "./index";

type Handle = Awaited<ReturnType<typeof createTestDatabase>>;

const NOW = new Date("2025-06-11T10:30:00Z");
const DAY_MS = 24 * 60 * 60 * 1000;

describeEachDatabase("demo seed", (kind) => {
  let handle: Handle;
  let summary: SeedSummary;

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    summary = await seedDemo(handle.db, { now: NOW });
  });
  afterAll(() => handle?.drop());

  it("reports what it wrote", async () => {
    const [runs] = await handle.db.select({ n: count() }).from(pipelineRuns);
    expect(summary.pipelineRuns).toBe(runs!.n);
    expect(summary.metricPoints).toBeGreaterThan(50_000);
  });

  it("creates the five demo accounts with their roles and the demo password", async () => {
    const rows = await handle.db.select().from(users).orderBy(asc(users.email));
    expect(rows.map((u) => [u.email, u.role, u.name]).sort()).toEqual(
      DEMO_ACCOUNTS.map((a) => [a.email, a.role, a.name]).sort(),
    );
    for (const user of rows) expect(await verifyPassword(DEMO_PASSWORD, user.passwordHash!)).toBe(true);
  });

  it("has three projects, each with development, staging and production, and production gated", async () => {
    const projectRows = await handle.db.select().from(projects);
    expect(projectRows.length).toBeGreaterThanOrEqual(3);
    for (const project of projectRows) {
      const envs = await handle.db
        .select()
        .from(environments)
        .where(eq(environments.projectId, project.id))
        .orderBy(asc(environments.position));
      expect(envs.map((e) => [e.slug, e.position, e.isProduction])).toEqual([
        ["development", 0, false],
        ["staging", 1, false],
        ["production", 2, true],
      ]);
      const [gate] = await handle.db
        .select()
        .from(gatePolicies)
        .where(eq(gatePolicies.environmentId, envs[2]!.id));
      expect(gate?.approverRoles).toEqual(["approver", "admin"]);
    }
    const required = await handle.db.select({ n: gatePolicies.requiredApprovals }).from(gatePolicies);
    expect(required.map((r) => r.n)).toContain(2);
  });

  it("connects GitHub, GitLab and Azure DevOps without storing secrets", async () => {
    const rows = await handle.db.select().from(connections);
    expect(rows.map((c) => c.kind).sort()).toEqual(["azure_devops", "github", "gitlab"]);
    expect(rows.every((c) => c.credentialsEncrypted === null)).toBe(true);
    const providers = await handle.db.selectDistinct({ p: pipelineRuns.provider }).from(pipelineRuns);
    expect(providers.map((p) => p.p).sort()).toEqual(["azure_devops", "github", "gitlab"]);
  });

  it("has at least 2,000 runs over at least 85 days, some running now and some pipelines failing", async () => {
    const [span] = await handle.db
      .select({ n: count(), first: min(pipelineRuns.queuedAt), last: max(pipelineRuns.queuedAt) })
      .from(pipelineRuns);
    expect(span!.n).toBeGreaterThanOrEqual(2_000);
    expect(span!.last!.getTime() - span!.first!.getTime()).toBeGreaterThanOrEqual(85 * DAY_MS);
    expect(span!.last!.getTime()).toBeLessThanOrEqual(NOW.getTime());

    const active = await handle.db.select().from(pipelineRuns).where(isNull(pipelineRuns.finishedAt));
    expect(active.length).toBeGreaterThanOrEqual(3);
    for (const run of active) {
      expect(["queued", "running"]).toContain(run.status);
      expect(NOW.getTime() - run.queuedAt.getTime()).toBeLessThan(60 * 60 * 1000);
    }

    const latest = await handle.db.execute<{ status: string }>(sql`
      select (select r.status from pipeline_runs r where r.pipeline_id = p.id
              order by r.queued_at desc limit 1) as status
      from pipelines p`);
    expect(latest.rows.filter((r) => r.status === "failed").length).toBeGreaterThanOrEqual(1);
  });

  it("gives every failed run a failed job and skips what came after it", async () => {
    const inconsistent = await handle.db.execute<{ id: string }>(sql`
      select r.id from pipeline_runs r
      where r.status = 'failed'
        and not exists (select 1 from pipeline_jobs j where j.run_id = r.id and j.status = 'failed')`);
    expect(inconsistent.rows).toEqual([]);
    const jobs = await handle.db.execute<{ n: number }>(sql`
      select count(*)::int as n from pipeline_jobs j join pipeline_runs r on r.id = j.run_id
      where r.status = 'succeeded' and j.status <> 'succeeded'`);
    expect(jobs.rows[0]!.n).toBe(0);
  });

  it("has models with eight or more versions, each with metric history, and aliases", async () => {
    const modelRows = await handle.db.select().from(models);
    expect(modelRows.length).toBeGreaterThanOrEqual(2);
    for (const model of modelRows) {
      const versions = await handle.db
        .select()
        .from(modelVersions)
        .where(eq(modelVersions.modelId, model.id));
      expect(versions.length).toBeGreaterThanOrEqual(8);
      for (const version of versions) {
        expect(version.sourceRunId).not.toBeNull();
        expect(version.metrics[model.primaryMetric!]).toBeTypeOf("number");
        const [history] = await handle.db
          .select({ n: count() })
          .from(modelMetricHistory)
          .where(eq(modelMetricHistory.versionId, version.id));
        expect(history!.n).toBeGreaterThanOrEqual(40);
      }
    }
    const aliases = await handle.db.execute<{ alias: string }>(sql`select alias from model_aliases`);
    expect(new Set(aliases.rows.map((r) => r.alias))).toEqual(new Set(["champion", "challenger"]));
  });

  it("has pending promotions, one of them half approved, and a decided history", async () => {
    const pending = await handle.db
      .select()
      .from(promotionRequests)
      .where(eq(promotionRequests.status, "pending"));
    expect(pending.length).toBeGreaterThanOrEqual(3);
    for (const request of pending) {
      expect(request.expiresAt.getTime() - request.createdAt.getTime()).toBe(72 * 60 * 60 * 1000);
      expect(request.expiresAt.getTime()).toBeGreaterThan(NOW.getTime());
    }
    const halfApproved = await handle.db.execute<{ id: string }>(sql`
      select pr.id from promotion_requests pr
      join gate_policies g on g.environment_id = pr.environment_id
      where pr.status = 'pending' and pr.model_version_id is not null and g.required_approvals = 2
        and (select count(*) from approvals a where a.request_id = pr.id and a.decision = 'approve') = 1`);
    expect(halfApproved.rows).toHaveLength(1);
    expect(pending.some((r) => r.releaseId !== null)).toBe(true);

    const statuses = await handle.db
      .select({ status: promotionRequests.status, n: count() })
      .from(promotionRequests)
      .groupBy(promotionRequests.status);
    const byStatus = Object.fromEntries(statuses.map((s) => [s.status, s.n]));
    expect(byStatus.deployed).toBeGreaterThanOrEqual(3);
    expect(byStatus.rejected).toBeGreaterThanOrEqual(1);
    expect(byStatus.expired).toBeGreaterThanOrEqual(1);
    const deployed = await handle.db
      .select()
      .from(promotionRequests)
      .where(eq(promotionRequests.status, "deployed"));
    expect(deployed.every((r) => r.deploymentId !== null && r.decidedAt !== null)).toBe(true);
    const [approved] = await handle.db.select({ n: count() }).from(approvals);
    expect(approved!.n).toBeGreaterThanOrEqual(deployed.length);
  });

  it("ships model versions with service releases, each of its own project and trained before the release", async () => {
    const rows = await handle.db
      .select({
        releaseProject: releases.projectId,
        releasedAt: releases.createdAt,
        modelProject: models.projectId,
        trainedAt: modelVersions.createdAt,
        status: modelVersions.status,
      })
      .from(releaseModelVersions)
      .innerJoin(releases, eq(releases.id, releaseModelVersions.releaseId))
      .innerJoin(modelVersions, eq(modelVersions.id, releaseModelVersions.modelVersionId))
      .innerJoin(models, eq(models.id, modelVersions.modelId));
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      expect(row.modelProject).toBe(row.releaseProject);
      expect(row.trainedAt.getTime()).toBeLessThanOrEqual(row.releasedAt.getTime());
      expect(row.status).not.toBe("failed");
    }
    expect(summary.releaseModelVersions).toBe(rows.length);
  });

  it("records a production rollback after a regression", async () => {
    const rollbacks = await handle.db.select().from(deployments).where(eq(deployments.isRollback, true));
    expect(rollbacks).toHaveLength(1);
    expect(rollbacks[0]!.rollbackOfId).not.toBeNull();
    const modelDeploys = await handle.db
      .select({ n: count() })
      .from(deployments)
      .where(and(sql`${deployments.modelVersionId} is not null`, eq(deployments.status, "succeeded")));
    expect(modelDeploys[0]!.n).toBeGreaterThan(0);
  });

  it("has exactly one firing alert, and canonical series keys", async () => {
    const firing = await handle.db.select().from(alerts).where(eq(alerts.state, "firing"));
    expect(firing).toHaveLength(1);
    expect(firing[0]!.environmentId).not.toBeNull();
    const resolved = await handle.db.select().from(alerts).where(eq(alerts.state, "resolved"));
    expect(resolved.length).toBeGreaterThanOrEqual(2);
    const series = await handle.db.select().from(metricSeries);
    for (const s of series) {
      const labels = Object.keys(s.labels).sort();
      expect(s.key).toBe(`${s.name}{${labels.map((k) => `${k}="${s.labels[k]}"`).join(",")}}`);
    }
  });

  it("does not seed a database that already has users", async () => {
    expect(await seedDemoIfEmpty(handle.db)).toBeNull();
  });

  it("is deterministic for a given now", async () => {
    const again = await createTestDatabase(kind);
    try {
      const second = await seedDemo(again.db, { now: NOW });
      expect(second).toEqual(summary);
      const firstRuns = (h: Handle) =>
        h.db
          .select({
            externalId: pipelineRuns.externalId,
            status: pipelineRuns.status,
            queuedAt: pipelineRuns.queuedAt,
          })
          .from(pipelineRuns)
          .orderBy(asc(pipelineRuns.queuedAt), asc(pipelineRuns.externalId))
          .limit(25);
      expect(await firstRuns(again)).toEqual(await firstRuns(handle));
    } finally {
      await again.drop();
    }
  });
});
