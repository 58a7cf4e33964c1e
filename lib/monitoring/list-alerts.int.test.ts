import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import {
  allPages,
  expectAppError,
  inRollback,
  insertAlert,
  insertAlertRule,
  insertEnvironment,
  insertProject,
  minutesAfter,
  testActor,
} from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { listAlerts } from "./list-alerts";

const NOW = new Date("2025-03-02T12:00:00.000Z");
const DAY_MIN = 24 * 60;

/** Two firing, one pending, one recently resolved and one resolved long ago, over two projects. */
async function seed(db: Executor) {
  const shop = await insertProject(db, { slug: "shop", name: "Shop" });
  const bank = await insertProject(db, { slug: "bank", name: "Bank" });
  const prod = await insertEnvironment(db, shop.id, { slug: "production", name: "Production" });
  const errors = await insertAlertRule(db, shop.id, {
    name: "Error rate high",
    severity: "critical",
    threshold: 0.05,
    unit: "ratio",
  });
  const latency = await insertAlertRule(db, bank.id, {
    name: "Latency high",
    severity: "warning",
    comparator: "gt",
    threshold: 300,
  });
  const drift = await insertAlertRule(db, shop.id, {
    name: "Accuracy low",
    comparator: "lt",
    threshold: 0.8,
  });
  const a = {
    firingOld: await insertAlert(db, errors, {
      state: "firing",
      environmentId: prod.id,
      value: 0.12,
      startedAt: minutesAfter(NOW, -120),
      firedAt: minutesAfter(NOW, -100),
    }),
    // Started before firingOld but fired after it: "since" is when it fired.
    firingNew: await insertAlert(db, latency, {
      state: "firing",
      value: 450,
      startedAt: minutesAfter(NOW, -200),
      firedAt: minutesAfter(NOW, -30),
    }),
    pending: await insertAlert(db, drift, { state: "pending", value: 0.7, startedAt: minutesAfter(NOW, -5) }),
    resolvedRecent: await insertAlert(db, errors, {
      state: "resolved",
      startedAt: minutesAfter(NOW, -3 * DAY_MIN),
      firedAt: minutesAfter(NOW, -3 * DAY_MIN + 5),
      resolvedAt: minutesAfter(NOW, -DAY_MIN),
    }),
    resolvedOld: await insertAlert(db, latency, {
      state: "resolved",
      startedAt: minutesAfter(NOW, -40 * DAY_MIN),
      resolvedAt: minutesAfter(NOW, -30 * DAY_MIN),
    }),
  };
  return { shop, bank, a };
}

describeEachDatabase("listAlerts", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());
  const viewer = testActor("viewer");

  it("lists firing, then pending, then recently resolved, newest first within each", () =>
    inRollback(handle.db, async (db) => {
      const { a } = await seed(db);
      const page = await listAlerts({ db, actor: viewer, now: NOW });
      expect(page.items.map((i) => i.id)).toEqual([
        a.firingNew.id,
        a.firingOld.id,
        a.pending.id,
        a.resolvedRecent.id,
      ]);
      expect(page.items[1]).toMatchObject({
        ruleName: "Error rate high",
        severity: "critical",
        state: "firing",
        projectSlug: "shop",
        environmentName: "Production",
        value: 0.12,
        comparator: "gt",
        threshold: 0.05,
        unit: "ratio",
        since: minutesAfter(NOW, -100),
      });
      expect(page.items[0]?.since).toEqual(minutesAfter(NOW, -30));
      expect(page.items[2]).toMatchObject({
        comparator: "lt",
        environmentName: null,
        since: minutesAfter(NOW, -5),
      });
      expect(page.items[3]?.since).toEqual(minutesAfter(NOW, -DAY_MIN));
      expect(page.items[0]).not.toHaveProperty("rank");
    }));

  it("widens the resolved window on request and filters by state and severity", () =>
    inRollback(handle.db, async (db) => {
      const { a } = await seed(db);
      const ctx = { db, actor: viewer, now: NOW };
      const wide = await listAlerts(ctx, { resolvedWithinMs: 90 * DAY_MIN * 60_000 });
      expect(wide.items.at(-1)?.id).toBe(a.resolvedOld.id);
      expect((await listAlerts(ctx, { state: "firing" })).items.map((i) => i.id)).toEqual([
        a.firingNew.id,
        a.firingOld.id,
      ]);
      const critical = await listAlerts(ctx, { severity: "critical" });
      expect(critical.items.map((i) => i.id)).toEqual([a.firingOld.id, a.resolvedRecent.id]);
      // One rule's history: every state of that rule's alerts, and only those.
      const history = await listAlerts(ctx, {
        ruleId: a.firingOld.ruleId,
        resolvedWithinMs: 90 * DAY_MIN * 60_000,
      });
      expect(history.items.length).toBeGreaterThan(0);
      expect(history.items.every((i) => i.ruleId === a.firingOld.ruleId)).toBe(true);
      expect(history.items.map((i) => i.id)).toContain(a.firingOld.id);
    }));

  it("pages across the state boundaries with no duplicates or gaps", () =>
    inRollback(handle.db, async (db) => {
      await seed(db);
      const ctx = { db, actor: viewer, now: NOW };
      const everything = (await listAlerts(ctx, { resolvedWithinMs: 90 * DAY_MIN * 60_000 })).items.map(
        (i) => i.id,
      );
      expect(everything).toHaveLength(5);
      for (const limit of [1, 2, 3]) {
        const pages = await allPages((cursor) =>
          listAlerts(ctx, { limit, cursor, resolvedWithinMs: 90 * DAY_MIN * 60_000 }),
        );
        expect(pages).toHaveLength(Math.ceil(everything.length / limit));
        expect(pages.flat().map((i) => i.id)).toEqual(everything);
      }
    }));

  it("scopes to projects, and shows nothing to an actor limited to another project", () =>
    inRollback(handle.db, async (db) => {
      const { bank, shop, a } = await seed(db);
      const bankOnly = await listAlerts({ db, actor: viewer, now: NOW }, { projectIds: [bank.id] });
      expect(bankOnly.items.map((i) => i.id)).toEqual([a.firingNew.id]);
      const other = await insertProject(db);
      const tokenActor = testActor("viewer", [other.id]);
      expect((await listAlerts({ db, actor: tokenActor, now: NOW })).items).toEqual([]);
      expect(
        (await listAlerts({ db, actor: tokenActor, now: NOW }, { projectIds: [shop.id] })).items,
      ).toEqual([]);
    }));

  it("refuses an actor without monitoring:read and rejects a forged cursor", () =>
    inRollback(handle.db, async (db) => {
      const noScope = { ...testActor("viewer", []), permissions: new Set<never>() };
      await expectAppError(listAlerts({ db, actor: noScope }), "forbidden");
      const forged = Buffer.from(JSON.stringify({ rank: 7, at: NOW.toISOString(), id: "x" })).toString(
        "base64url",
      );
      await expectAppError(listAlerts({ db, actor: viewer }, { cursor: forged }), "invalid_request");
    }));
});
