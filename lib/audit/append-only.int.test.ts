import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { auditEvents, projects, users } from "@/lib/db/schema";
import { inRollback, insertAuditEvent, insertProject, insertUser } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";

/** Drizzle wraps the driver's error; the database's own message is on `cause`. */
async function expectRefused(write: PromiseLike<unknown>): Promise<void> {
  const error = await Promise.resolve(write).then(
    () => null,
    (e: unknown) => e as Error & { cause?: Error },
  );
  expect(error, "the write should have been refused").not.toBeNull();
  expect(error!.cause?.message ?? error!.message).toMatch(/audit_events is append-only/);
}

// The refused writes run outside inRollback: a failed statement would abort its transaction.
describeEachDatabase("audit_events is append-only in the database", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());

  it("refuses UPDATE of any recorded field", async () => {
    const event = await insertAuditEvent(handle.db, { action: "promotion.approve" });
    await expectRefused(
      handle.db.update(auditEvents).set({ action: "promotion.reject" }).where(eq(auditEvents.id, event.id)),
    );
    await expectRefused(
      handle.db
        .update(auditEvents)
        .set({ data: { forged: true } })
        .where(eq(auditEvents.id, event.id)),
    );
    const [row] = await handle.db.select().from(auditEvents).where(eq(auditEvents.id, event.id));
    expect(row).toMatchObject({ action: "promotion.approve", data: {} });
  });

  it("refuses DELETE", async () => {
    const event = await insertAuditEvent(handle.db);
    await expectRefused(handle.db.delete(auditEvents).where(eq(auditEvents.id, event.id)));
    expect(await handle.db.select().from(auditEvents).where(eq(auditEvents.id, event.id))).toHaveLength(1);
  });

  it("refuses re-pointing a reference to someone else", async () => {
    const [a, b] = [await insertUser(handle.db), await insertUser(handle.db)];
    const event = await insertAuditEvent(handle.db, { actorUserId: a.id });
    await expectRefused(
      handle.db.update(auditEvents).set({ actorUserId: b.id }).where(eq(auditEvents.id, event.id)),
    );
  });

  it("keeps the record when its user or project is deleted (only the reference is cleared)", () =>
    inRollback(handle.db, async (db) => {
      const user = await insertUser(db, { role: "engineer" });
      const project = await insertProject(db, { slug: "gone", name: "Gone" });
      const event = await insertAuditEvent(db, {
        actorUserId: user.id,
        actorLabel: user.email,
        projectId: project.id,
        action: "project.create",
      });
      await db.delete(users).where(eq(users.id, user.id));
      await db.delete(projects).where(eq(projects.id, project.id));
      const [row] = await db.select().from(auditEvents).where(eq(auditEvents.id, event.id));
      expect(row).toMatchObject({
        actorUserId: null,
        projectId: null,
        actorLabel: user.email,
        action: "project.create",
      });
    }));
});
