import { afterAll, beforeAll, expect, it } from "vitest";
import { generateApiToken } from "@/lib/auth/api-token";
import { useDatabaseHandle } from "@/lib/db";
import { apiTokens } from "@/lib/db/schema";
import { actorWithRole, insertAuditEvent, insertProject, minutesAfter } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { GET } from "./route";

type Handle = Awaited<ReturnType<typeof createTestDatabase>>;
const T0 = new Date("2026-03-02T12:00:00.000Z");

describeEachDatabase("GET /api/v1/audit/export", (kind) => {
  let handle: Handle;
  const secrets: Record<string, string> = {};

  async function token(name: string, userId: string, scopes: string[]) {
    const { secret, hash, prefix } = generateApiToken();
    await handle.db.insert(apiTokens).values({ userId, name, tokenHash: hash, prefix, scopes });
    secrets[name] = secret;
  }
  const get = (query: string, as: string) =>
    GET(
      new Request(`http://tandem.test/api/v1/audit/export${query}`, {
        headers: { authorization: `Bearer ${secrets[as]}` },
      }),
      { params: Promise.resolve({}) },
    );

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    useDatabaseHandle(handle);
    const project = await insertProject(handle.db, { slug: "shop" });
    // More than one page (200) so the stream crosses a keyset boundary.
    for (let i = 0; i < 230; i++) {
      await insertAuditEvent(handle.db, {
        action: "deployment.create",
        targetType: "deployment",
        projectId: project.id,
        actorLabel: "ci-bot",
        createdAt: minutesAfter(T0, i),
      });
    }
    await insertAuditEvent(handle.db, {
      action: "promotion.comment",
      targetType: "promotion_request",
      projectId: project.id,
      actorLabel: "=cmd|' /C calc'!A0",
      data: { comment: 'ok, "ship"\nnow' },
      createdAt: minutesAfter(T0, 500),
    });
    const admin = await actorWithRole(handle.db, "admin");
    const approver = await actorWithRole(handle.db, "approver");
    await token("admin", admin.userId, ["audit:read"]);
    await token("approver", approver.userId, ["audit:read", "promotions:read"]);
  });
  afterAll(() => handle.drop());

  it("streams every matching event as escaped CSV, newest first", async () => {
    const response = await get("", "admin");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="tandem-audit-.*\.csv"$/,
    );
    const text = await response.text();
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("id,time,actor,action,target_type,target_id,project,data");
    expect(lines.at(-1)).toBe("");
    // JSON escapes the comment's newline, so each event is one physical line.
    expect(lines).toHaveLength(1 + 231 + 1);
    expect(lines[1]).toMatch(
      /^\d+,2026-03-02T20:20:00.000Z,'=cmd\|' \/C calc'!A0,promotion.comment,promotion_request,,shop,"{""comment"":""ok, \\""ship\\""\\nnow""}"$/,
    );
    expect(lines[2]).toMatch(/,2026-03-02T15:49:00.000Z,ci-bot,deployment.create,/);
  });

  it("applies the filters, refuses non-admins and bad filters in the JSON error shape", async () => {
    const filtered = await get(
      `?targetType=deployment&from=${minutesAfter(T0, 10).toISOString()}&to=${minutesAfter(T0, 20).toISOString()}`,
      "admin",
    );
    expect((await filtered.text()).split("\r\n").filter(Boolean)).toHaveLength(1 + 10);
    const refused = await get("", "approver");
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("forbidden");
    const bad = await get("?from=not-a-date", "admin");
    expect(bad.status).toBe(400);
  });
});
