import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/api/errors";
import type { DatabaseHandle } from "@/lib/db/client";
import { auditEvents, releases } from "@/lib/db/schema";
import { actorWithRole, insertProject } from "@/lib/db/test-factories";
import { createTestDatabase, TEST_DATABASE_KINDS } from "@/lib/db/testing";
import { createRelease } from "./create-release";

/**
 * CI jobs retrying "record the release" at the same moment, each on its own pooled
 * connection. Real Postgres only: PGlite's single connection never interleaves transactions.
 */
describe.skipIf(!TEST_DATABASE_KINDS.includes("postgres"))("concurrent createRelease [postgres]", () => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase("postgres");
  });
  afterAll(() => handle?.drop());

  it("stores one release for eight identical calls; a different body at the same time is a 409", async () => {
    const project = await insertProject(handle.db, { slug: "race" });
    const actor = await actorWithRole(handle.db, "engineer");
    const ctx = { db: handle.db, actor };
    const body = { project: "race", version: "v1.0.0", commitSha: "abcdef1" };
    const results = await Promise.allSettled([
      ...Array.from({ length: 8 }, () => createRelease(ctx, body)),
      createRelease(ctx, { ...body, commitSha: "1234567" }),
    ]);
    const created = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as AppError] : []));
    const rows = await handle.db.select().from(releases).where(eq(releases.projectId, project.id));
    expect(rows).toHaveLength(1);
    // Whichever body won, every call with the other body was refused, none failed otherwise.
    expect(refused.every((e) => e instanceof AppError && e.code === "conflict")).toBe(true);
    expect(created.filter((c) => c.created)).toHaveLength(1);
    expect(new Set(created.map((c) => c.release.id))).toEqual(new Set([rows[0]!.id]));
    expect(created.length + refused.length).toBe(9);
    expect(refused.length).toBe(rows[0]!.commitSha === "abcdef1" ? 1 : 8);
    const audits = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "release.create"));
    expect(audits).toHaveLength(1);
  });
});
