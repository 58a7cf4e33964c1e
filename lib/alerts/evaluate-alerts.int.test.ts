import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import { useTestEncryptionKey } from "@/lib/connections/testing/use-test-encryption-key";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import { alerts, auditEvents, metricPoints, notificationDeliveries } from "@/lib/db/schema";
import { insertAlertRule, insertProject } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { createEndpoint } from "@/lib/notifications/create-endpoint";
import { evaluateAlerts } from "./evaluate-alerts";
import { evaluateRule } from "./evaluate-rule";

const T0 = new Date("2026-01-10T10:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const actor = systemActor("test");

async function points(db: Executor, seriesId: string, values: [number, number][]) {
  await db.insert(metricPoints).values(values.map(([s, value]) => ({ seriesId, ts: at(s), value })));
}

describeEachDatabase("alert evaluation", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  let projectId: string;
  beforeAll(async () => {
    useTestEncryptionKey();
    handle = await createTestDatabase(kind);
    projectId = (await insertProject(handle.db)).id;
    await createEndpoint(
      { db: handle.db, actor },
      { name: "On-call", url: "http://127.0.0.1:9/hook", events: ["alert.firing", "alert.resolved"] },
    );
  });
  afterAll(() => handle.drop());

  const rowsOf = (ruleId: string) => handle.db.select().from(alerts).where(eq(alerts.ruleId, ruleId));

  it("goes pending on a breach, fires after for_seconds, resolves below the threshold", async () => {
    const rule = await insertAlertRule(handle.db, projectId, {
      threshold: 0.05,
      windowSeconds: 120,
      forSeconds: 120,
    });
    await points(handle.db, rule.seriesId, [[-30, 0.02]]);
    expect((await evaluateRule(handle.db, actor, rule.id, at(0)))?.transition).toBe("none");
    expect(await rowsOf(rule.id)).toEqual([]);

    // Mean over (-60, 60] is (0.02 + 0.2) / 2 = 0.11 > 0.05.
    await points(handle.db, rule.seriesId, [[30, 0.2]]);
    const started = await evaluateRule(handle.db, actor, rule.id, at(60));
    expect(started).toMatchObject({ transition: "started", fired: false, value: 0.11 });
    expect(await rowsOf(rule.id)).toMatchObject([{ state: "pending", startedAt: at(60), firedAt: null }]);

    await points(handle.db, rule.seriesId, [
      [90, 0.3],
      [150, 0.3],
    ]);
    expect((await evaluateRule(handle.db, actor, rule.id, at(120)))?.transition).toBe("none");
    const fired = await evaluateRule(handle.db, actor, rule.id, at(180));
    expect(fired).toMatchObject({ transition: "fired", fired: true });
    expect(await rowsOf(rule.id)).toMatchObject([{ state: "firing", startedAt: at(60), firedAt: at(180) }]);

    await points(handle.db, rule.seriesId, [
      [250, 0.01],
      [290, 0.01],
    ]);
    expect((await evaluateRule(handle.db, actor, rule.id, at(300)))?.transition).toBe("resolved");
    expect(await rowsOf(rule.id)).toMatchObject([{ state: "resolved", resolvedAt: at(300), value: 0.01 }]);

    const audit = await handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetId, started!.alertId!));
    expect(audit.map((a) => a.action)).toEqual(["alert.fire", "alert.resolve"]);
    const sent = await handle.db.select().from(notificationDeliveries);
    expect(sent.filter((d) => d.payload.alertId === started!.alertId).map((d) => d.event)).toEqual([
      "alert.firing",
      "alert.resolved",
    ]);
  });

  it("drops a pending alert that recovers before firing, and holds the state through a gap", async () => {
    const rule = await insertAlertRule(handle.db, projectId, {
      comparator: "lt",
      threshold: 0.8,
      windowSeconds: 60,
      forSeconds: 300,
    });
    await points(handle.db, rule.seriesId, [[-10, 0.5]]);
    expect((await evaluateRule(handle.db, actor, rule.id, at(0)))?.transition).toBe("started");
    await points(handle.db, rule.seriesId, [[50, 0.9]]);
    expect((await evaluateRule(handle.db, actor, rule.id, at(60)))?.transition).toBe("cleared");
    expect(await rowsOf(rule.id)).toEqual([]);

    await points(handle.db, rule.seriesId, [[100, 0.1]]);
    await evaluateRule(handle.db, actor, rule.id, at(110));
    // No point in (340, 400]: a gap is not a recovery, the pending alert stays.
    const gap = await evaluateRule(handle.db, actor, rule.id, at(400));
    expect(gap).toMatchObject({ transition: "no_data", value: null });
    expect(await rowsOf(rule.id)).toMatchObject([{ state: "pending", startedAt: at(110) }]);
  });

  it("evaluates every enabled rule in one pass and skips disabled ones", async () => {
    const on = await insertAlertRule(handle.db, projectId, {
      threshold: 10,
      windowSeconds: 60,
      forSeconds: 0,
    });
    const off = await insertAlertRule(handle.db, projectId, {
      threshold: 10,
      windowSeconds: 60,
      forSeconds: 0,
      enabled: false,
    });
    await points(handle.db, on.seriesId, [[1000, 50]]);
    await points(handle.db, off.seriesId, [[1000, 50]]);
    const summary = await evaluateAlerts(handle.db, { now: at(1010), actor });
    expect(summary.fired).toBeGreaterThanOrEqual(1);
    expect(await rowsOf(on.id)).toMatchObject([{ state: "firing", firedAt: at(1010) }]);
    expect(await rowsOf(off.id)).toEqual([]);
  });

  it.skipIf(kind === "pglite")("fires once when two instances evaluate the same rule at once", async () => {
    const rule = await insertAlertRule(handle.db, projectId, {
      threshold: 1,
      windowSeconds: 60,
      forSeconds: 0,
    });
    await points(handle.db, rule.seriesId, [[2000, 5]]);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => evaluateRule(handle.db, actor, rule.id, at(2010))),
    );
    expect(results.filter((r) => r?.fired)).toHaveLength(1);
    expect(await rowsOf(rule.id)).toHaveLength(1);
    const fires = await handle.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, "alert.fire"), eq(auditEvents.targetId, (await rowsOf(rule.id))[0]!.id)),
      );
    expect(fires).toHaveLength(1);
  });
});
