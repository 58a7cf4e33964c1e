import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { useTestEncryptionKey } from "@/lib/connections/testing/use-test-encryption-key";
import type { DatabaseHandle } from "@/lib/db/client";
import { auditEvents, notificationDeliveries } from "@/lib/db/schema";
import { actorWithRole, expectAppError, testActor } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { createEndpoint } from "./create-endpoint";
import { deleteEndpoint } from "./delete-endpoint";
import { deliverNotification } from "./deliver-notification";
import { enqueueNotification } from "./enqueue-notification";
import { listNotificationDeliveries } from "./list-deliveries";
import { MAX_DELIVERY_ATTEMPTS } from "./queue-names";
import { verifySignature } from "./sign";
import { sweepPendingNotifications } from "./sweep-pending";
import { startReceiver } from "./testing";
import { updateEndpoint } from "./update-endpoint";

describeEachDatabase("notification webhooks", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  let admin: Actor;
  beforeAll(async () => {
    useTestEncryptionKey();
    handle = await createTestDatabase(kind);
    admin = await actorWithRole(handle.db, "admin");
  });
  afterAll(() => handle.drop());
  const ctx = () => ({ db: handle.db, actor: admin });

  it("sends a signed body the receiver can verify, and logs the delivery", async () => {
    const receiver = await startReceiver([200]);
    try {
      const { endpoint, secret } = await createEndpoint(ctx(), { name: "Chat", url: receiver.url });
      const ids = await handle.db.transaction((tx) =>
        enqueueNotification(tx, "promotion.approved", { requestId: "r1" }),
      );
      expect(ids).toHaveLength(1);
      expect(await deliverNotification(handle.db, ids[0]!)).toBe("delivered");
      const [got] = receiver.received;
      expect(got!.headers["x-tandem-event"]).toBe("promotion.approved");
      expect(got!.headers["x-tandem-delivery"]).toBe(String(ids[0]));
      expect(verifySignature(secret, got!.body, got!.headers["x-tandem-signature-256"] as string)).toBe(true);
      expect(verifySignature("wrong", got!.body, got!.headers["x-tandem-signature-256"] as string)).toBe(
        false,
      );
      const body = JSON.parse(got!.body);
      expect(body).toMatchObject({
        event: "promotion.approved",
        id: String(ids[0]),
        data: { requestId: "r1" },
      });
      const log = await listNotificationDeliveries(ctx(), { id: endpoint.id });
      expect(log.items[0]).toMatchObject({ status: "delivered", attempts: 1, responseStatus: 200 });
      // A second job for the same delivery sends nothing.
      expect(await deliverNotification(handle.db, ids[0]!)).toBe("skipped");
      expect(receiver.received).toHaveLength(1);
      await deleteEndpoint(ctx(), { id: endpoint.id });
    } finally {
      await receiver.close();
    }
  });

  it("writes nothing when the caller's transaction rolls back, and only for subscribed endpoints", async () => {
    const a = await createEndpoint(ctx(), {
      name: "Alerts only",
      url: "http://127.0.0.1:9/a",
      events: ["alert.firing"],
    });
    const b = await createEndpoint(ctx(), { name: "Off", url: "http://127.0.0.1:9/b", enabled: false });
    await handle.db
      .transaction(async (tx) => {
        await enqueueNotification(tx, "alert.firing", {});
        throw new Error("rollback");
      })
      .catch(() => undefined);
    expect(await handle.db.select().from(notificationDeliveries)).toHaveLength(0);
    expect(await handle.db.transaction((tx) => enqueueNotification(tx, "promotion.requested", {}))).toEqual(
      [],
    );
    expect(await handle.db.transaction((tx) => enqueueNotification(tx, "alert.firing", {}))).toHaveLength(1);
    await deleteEndpoint(ctx(), { id: a.endpoint.id });
    await deleteEndpoint(ctx(), { id: b.endpoint.id });
  });

  it("retries after a 500, then delivers", async () => {
    const receiver = await startReceiver([500, 204]);
    try {
      const { endpoint } = await createEndpoint(ctx(), { name: "Flaky", url: receiver.url });
      const [id] = await handle.db.transaction((tx) => enqueueNotification(tx, "alert.resolved", { x: 1 }));
      expect(await deliverNotification(handle.db, id!)).toBe("retry");
      let [row] = await handle.db
        .select()
        .from(notificationDeliveries)
        .where(eq(notificationDeliveries.id, id!));
      expect(row).toMatchObject({ status: "pending", attempts: 1, responseStatus: 500 });
      expect(await deliverNotification(handle.db, id!)).toBe("delivered");
      [row] = await handle.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.id, id!));
      expect(row).toMatchObject({ status: "delivered", attempts: 2, responseStatus: 204, error: null });
      expect(row!.deliveredAt).toBeInstanceOf(Date);
      expect(receiver.received[0]!.headers["x-tandem-delivery"]).toBe(
        receiver.received[1]!.headers["x-tandem-delivery"],
      );
      await deleteEndpoint(ctx(), { id: endpoint.id });
    } finally {
      await receiver.close();
    }
  });

  it("gives up after the attempt cap, and the sweeper picks up rows left pending", async () => {
    const receiver = await startReceiver([503]);
    try {
      const { endpoint } = await createEndpoint(ctx(), { name: "Down", url: receiver.url });
      const [id] = await handle.db.transaction((tx) => enqueueNotification(tx, "promotion.failed", {}));
      const swept: number[] = [];
      const later = new Date(Date.now() + 5 * 60_000);
      expect(await sweepPendingNotifications(handle.db, async (d) => void swept.push(d), later)).toBe(1);
      expect(swept).toEqual([id]);
      const outcomes = [];
      for (let i = 0; i < MAX_DELIVERY_ATTEMPTS; i++)
        outcomes.push(await deliverNotification(handle.db, id!));
      expect(outcomes.at(-1)).toBe("failed");
      expect(outcomes.slice(0, -1).every((o) => o === "retry")).toBe(true);
      expect(await deliverNotification(handle.db, id!)).toBe("skipped");
      expect(receiver.received).toHaveLength(MAX_DELIVERY_ATTEMPTS);
      const [row] = await handle.db
        .select()
        .from(notificationDeliveries)
        .where(eq(notificationDeliveries.id, id!));
      expect(row).toMatchObject({ status: "failed", attempts: MAX_DELIVERY_ATTEMPTS, responseStatus: 503 });
      expect(await sweepPendingNotifications(handle.db, async () => undefined, later)).toBe(0);
      await deleteEndpoint(ctx(), { id: endpoint.id });
    } finally {
      await receiver.close();
    }
  });

  it("lets only connections:write change endpoints, audits changes, and hides the secret", async () => {
    await expectAppError(
      createEndpoint({ db: handle.db, actor: testActor("approver") }, { name: "x", url: "https://e.test" }),
      "forbidden",
    );
    await expectAppError(createEndpoint(ctx(), { name: "x", url: "ftp://e.test" }), "invalid_request");
    const { endpoint } = await createEndpoint(ctx(), { name: "Ops", url: "https://ops.example.test/hook" });
    expect(endpoint).not.toHaveProperty("secretEncrypted");
    const updated = await updateEndpoint(ctx(), {
      id: endpoint.id,
      enabled: false,
      events: ["alert.firing"],
    });
    expect(updated).toMatchObject({ enabled: false, events: ["alert.firing"] });
    const audit = await handle.db.select().from(auditEvents).where(eq(auditEvents.targetId, endpoint.id));
    expect(audit.map((a) => a.action).sort()).toEqual([
      "notification_endpoint.create",
      "notification_endpoint.update",
    ]);
    await deleteEndpoint(ctx(), { id: endpoint.id });
    await expectAppError(deleteEndpoint(ctx(), { id: endpoint.id }), "not_found");
  });
});
