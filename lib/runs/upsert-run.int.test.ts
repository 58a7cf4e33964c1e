import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { pipelineJobs, pipelineRuns } from "@/lib/db/schema";
import { insertProject } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { type NormalizedRun, normalizedRunSchema, upsertRun } from "./upsert-run";

describeEachDatabase("upsertRun", (kind) => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  let projectId: string;
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    projectId = (await insertProject(handle.db)).id;
  });
  afterAll(() => handle.drop());

  const base = (externalId: string, over: Partial<NormalizedRun["run"]> = {}): NormalizedRun => ({
    projectId,
    pipeline: { provider: "github", externalId: "wf-1", name: "CI" },
    run: {
      externalId,
      status: "queued",
      queuedAt: new Date("2026-03-01T10:00:00Z"),
      providerUpdatedAt: new Date("2026-03-01T10:00:00Z"),
      ...over,
    },
  });
  const stored = async (id: string) =>
    (await handle.db.select().from(pipelineRuns).where(eq(pipelineRuns.id, id)))[0]!;

  it("creates once and is idempotent on replay", async () => {
    const first = await upsertRun(handle.db, base("r1"));
    const again = await upsertRun(handle.db, base("r1"));
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.runId).toBe(first.runId);
    expect(again.pipelineId).toBe(first.pipelineId);
  });

  it("never lets a late in_progress overwrite a completed run", async () => {
    const completed = base("r2", {
      status: "succeeded",
      startedAt: new Date("2026-03-01T10:01:00Z"),
      finishedAt: new Date("2026-03-01T10:09:00Z"),
      providerUpdatedAt: new Date("2026-03-01T10:09:00Z"),
    });
    const { runId } = await upsertRun(handle.db, completed);
    const late = await upsertRun(
      handle.db,
      base("r2", { status: "running", providerUpdatedAt: new Date("2026-03-01T10:01:00Z") }),
    );
    expect(late.applied).toBe(false);
    expect(late.runId).toBe(runId);
    const row = await stored(runId);
    expect(row.status).toBe("succeeded");
    expect(row.finishedAt?.toISOString()).toBe("2026-03-01T10:09:00.000Z");
  });

  it("applies a re-run (higher attempt) even though it starts from queued", async () => {
    const { runId } = await upsertRun(
      handle.db,
      base("r3", { status: "failed", providerUpdatedAt: new Date("2026-03-01T11:00:00Z") }),
    );
    const rerun = await upsertRun(
      handle.db,
      base("r3", { status: "queued", attempt: 2, providerUpdatedAt: new Date("2026-03-01T12:00:00Z") }),
    );
    expect(rerun.applied).toBe(true);
    expect((await stored(runId)).status).toBe("queued");
    expect((await stored(runId)).attempt).toBe(2);
    const old = await upsertRun(
      handle.db,
      base("r3", { status: "failed", attempt: 1, providerUpdatedAt: new Date("2026-03-01T13:00:00Z") }),
    );
    expect(old.applied).toBe(false);
  });

  it("orders same-stage events by the provider's timestamp", async () => {
    const { runId } = await upsertRun(
      handle.db,
      base("r4", { status: "running", title: "newer", providerUpdatedAt: new Date("2026-03-01T10:05:00Z") }),
    );
    await upsertRun(
      handle.db,
      base("r4", { status: "running", title: "older", providerUpdatedAt: new Date("2026-03-01T10:02:00Z") }),
    );
    expect((await stored(runId)).title).toBe("newer");
  });

  it("upserts jobs with the same newer-wins rule", async () => {
    const input = base("r5", { status: "running" });
    const job = {
      externalId: "j1",
      name: "test",
      status: "succeeded" as const,
      finishedAt: new Date("2026-03-01T10:08:00Z"),
    };
    const { runId } = await upsertRun(handle.db, { ...input, jobs: [job] });
    await upsertRun(handle.db, { ...input, jobs: [{ ...job, status: "running", finishedAt: null }] });
    const jobs = await handle.db.select().from(pipelineJobs).where(eq(pipelineJobs.runId, runId));
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.status).toBe("succeeded");
  });

  it("validates the normalized shape with field-level errors", () => {
    const result = normalizedRunSchema.safeParse({
      ...base("x"),
      run: { ...base("x").run, status: "exploded", commitSha: "zz" },
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["run.status", "run.commitSha"]));
  });
});
