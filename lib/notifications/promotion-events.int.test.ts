import { afterAll, beforeAll, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import { useTestEncryptionKey } from "@/lib/connections/testing/use-test-encryption-key";
import type { DatabaseHandle } from "@/lib/db/client";
import { notificationDeliveries } from "@/lib/db/schema";
import {
  actorWithRole,
  insertEnvironment,
  insertModel,
  insertModelVersion,
  insertProject,
} from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { expirePromotions } from "@/lib/gates/expire-promotions";
import { requestPromotion } from "@/lib/gates/request-promotion";
import { createEndpoint } from "./create-endpoint";

describeEachDatabase("promotion notifications", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    useTestEncryptionKey();
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle.drop());

  it("queues promotion.requested and promotion.expired in the gate verbs' transactions", async () => {
    const db = handle.db;
    await createEndpoint(
      { db, actor: systemActor("test") },
      {
        name: "Releases",
        url: "https://hooks.example.test/x",
        events: ["promotion.requested", "promotion.expired"],
      },
    );
    const project = await insertProject(db);
    const staging = await insertEnvironment(db, project.id, { slug: "staging", position: 0 });
    const model = await insertModel(db, project.id);
    const version = await insertModelVersion(db, model.id, 1);
    const engineer = await actorWithRole(db, "engineer");
    const { request } = await requestPromotion(
      { db, actor: engineer },
      { modelVersionId: version.id, environmentId: staging.id, reason: "Better recall" },
    );
    await expirePromotions({
      db,
      actor: systemActor("test"),
      now: new Date(Date.now() + 30 * 24 * 3600_000),
    });
    const rows = await db.select().from(notificationDeliveries).orderBy(notificationDeliveries.id);
    expect(rows.map((r) => [r.event, r.payload.requestId, r.payload.status])).toEqual([
      ["promotion.requested", request.id, "pending"],
      ["promotion.expired", request.id, "expired"],
    ]);
    expect(rows[0]!.payload).toMatchObject({
      modelVersionId: version.id,
      environmentId: staging.id,
      reason: "Better recall",
    });
  });
});
