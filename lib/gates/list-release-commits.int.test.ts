import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import {
  expectAppError,
  inRollback,
  insertPipeline,
  insertProject,
  insertRelease,
  insertRun,
  minutesAfter,
  testActor,
} from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { listReleaseCommits } from "./list-release-commits";

const T0 = new Date("2026-03-02T12:00:00.000Z");

/** main: build of 1.0 (sha0), three commits (one re-run), build of 1.1 (sha4); noise on other branches and pipelines. */
async function seed(db: Executor) {
  const project = await insertProject(db, { slug: "shop" });
  const ci = await insertPipeline(db, project.id, { kind: "ci" });
  const training = await insertPipeline(db, project.id, { kind: "training" });
  const run = (sha: string, m: number, extra: Parameters<typeof insertRun>[2] = {}) =>
    insertRun(db, ci, {
      commitSha: sha,
      branch: "main",
      queuedAt: minutesAfter(T0, m),
      title: `commit ${sha}`,
      actor: "dev",
      ...extra,
    });
  const build10 = await run("sha0", 0);
  await run("sha1", 10);
  await run("sha2", 20, { status: "failed" });
  await run("sha2", 25, { title: "commit sha2 (re-run)" });
  await run("sha3", 30);
  await run("feature", 35, { branch: "feature/x" });
  await insertRun(db, training, { commitSha: "train", branch: "main", queuedAt: minutesAfter(T0, 36) });
  const build11 = await run("sha4", 40);
  await run("sha5", 50);
  const r10 = await insertRelease(db, project.id, {
    version: "1.0",
    commitSha: "sha0",
    buildRunId: build10.id,
  });
  const r11 = await insertRelease(db, project.id, {
    version: "1.1",
    commitSha: "sha4",
    buildRunId: build11.id,
  });
  // No build run: found through its commit.
  const r12 = await insertRelease(db, project.id, { version: "1.2", commitSha: "sha5" });
  return { project, r10, r11, r12 };
}

describeEachDatabase("listReleaseCommits", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());
  const viewer = testActor("viewer");

  it("lists the CI commits on the branch between the two builds, newest first", () =>
    inRollback(handle.db, async (db) => {
      const { r10, r11, r12 } = await seed(db);
      const result = await listReleaseCommits(
        { db, actor: viewer },
        { candidateReleaseId: r11.id, currentReleaseId: r10.id },
      );
      expect(result?.more).toBe(0);
      expect(result?.commits.map((c) => [c.sha, c.title])).toEqual([
        ["sha4", "commit sha4"],
        ["sha3", "commit sha3"],
        ["sha2", "commit sha2 (re-run)"],
        ["sha1", "commit sha1"],
      ]);
      const next = await listReleaseCommits(
        { db, actor: viewer },
        { candidateReleaseId: r12.id, currentReleaseId: r11.id },
      );
      expect(next?.commits.map((c) => c.sha)).toEqual(["sha5"]);
    }));

  it("answers null with nothing to compare, and hides other projects", () =>
    inRollback(handle.db, async (db) => {
      const { r10, r11 } = await seed(db);
      const ctx = { db, actor: viewer };
      expect(
        await listReleaseCommits(ctx, { candidateReleaseId: r11.id, currentReleaseId: null }),
      ).toBeNull();
      // Going back (a rollback) ships no new commits.
      expect(
        await listReleaseCommits(ctx, { candidateReleaseId: r10.id, currentReleaseId: r11.id }),
      ).toBeNull();
      const other = await insertProject(db, { slug: "other" });
      await expectAppError(
        listReleaseCommits(
          { db, actor: testActor("viewer", [other.id]) },
          { candidateReleaseId: r11.id, currentReleaseId: r10.id },
        ),
        "not_found",
      );
      await expectAppError(
        listReleaseCommits(ctx, { candidateReleaseId: crypto.randomUUID(), currentReleaseId: null }),
        "not_found",
      );
    }));
});
