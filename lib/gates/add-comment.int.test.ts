import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { DatabaseHandle, Executor } from "@/lib/db/client";
import { auditEvents, promotionComments } from "@/lib/db/schema";
import { expectAppError, inRollback, insertProject, testActor } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { addComment } from "./add-comment";
import { gateFixture, NOW } from "./gate-fixture";
import { getPromotionRequest } from "./get-promotion-request";

const ctx = (db: Executor, actor: Actor) => ({ db, actor, now: NOW });

describeEachDatabase("addComment", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());

  it("stores the comment, audits it and shows it on the request's timeline", () =>
    inRollback(handle.db, async (db) => {
      const f = await gateFixture(db);
      const request = await f.pendingRequest();
      const { comment } = await addComment(ctx(db, f.people.approverA), {
        id: request.id,
        body: "  Is the drift report in?  ",
      });
      expect(comment).toMatchObject({ requestId: request.id, userId: f.people.approverA.userId });
      expect(comment.body).toBe("Is the drift report in?");
      const rows = await db
        .select()
        .from(promotionComments)
        .where(eq(promotionComments.requestId, request.id));
      expect(rows).toHaveLength(1);
      const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, "promotion.comment"));
      expect(event).toMatchObject({ targetId: request.id, projectId: f.project.id });
      expect(event?.data).toEqual({ commentId: comment.id, comment: "Is the drift report in?" });
      const detail = await getPromotionRequest(ctx(db, f.people.viewer), { id: request.id });
      expect(detail.timeline.map((t) => [t.action, t.data.comment])).toContainEqual([
        "promotion.comment",
        "Is the drift report in?",
      ]);
    }));

  it("refuses viewers, empty comments, unknown requests and other projects' tokens", () =>
    inRollback(handle.db, async (db) => {
      const f = await gateFixture(db);
      const request = await f.pendingRequest();
      await expectAppError(addComment(ctx(db, f.people.viewer), { id: request.id, body: "hi" }), "forbidden");
      await expectAppError(
        addComment(ctx(db, f.people.requester), { id: request.id, body: "   " }),
        "invalid_request",
      );
      await expectAppError(
        addComment(ctx(db, f.people.requester), { id: crypto.randomUUID(), body: "hi" }),
        "not_found",
      );
      const other = await insertProject(db, { slug: "elsewhere" });
      await expectAppError(
        addComment(ctx(db, testActor("engineer", [other.id])), { id: request.id, body: "hi" }),
        "not_found",
      );
      expect(await db.select().from(promotionComments)).toEqual([]);
    }));
});
