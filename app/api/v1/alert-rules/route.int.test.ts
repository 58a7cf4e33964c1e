import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { generateApiToken } from "@/lib/auth/api-token";
import { useDatabaseHandle } from "@/lib/db";
import { alerts, apiTokens, auditEvents, metricSeries, projects, users } from "@/lib/db/schema";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { GET as HISTORY } from "./[id]/alerts/route";
import { DELETE, GET as GET_ONE, PATCH } from "./[id]/route";
import { GET, POST } from "./route";

type Handle = Awaited<ReturnType<typeof createTestDatabase>>;

describeEachDatabase("/api/v1/alert-rules", (kind) => {
  let handle: Handle;
  let seriesId: string;
  const secrets: Record<string, string> = {};
  const headers = (as: string) => ({
    authorization: `Bearer ${secrets[as]}`,
    "content-type": "application/json",
  });
  const base = "http://tandem.test/api/v1/alert-rules";
  const one = (id: string) => ({ params: Promise.resolve({ id }) });
  const none = { params: Promise.resolve({}) };

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    useDatabaseHandle(handle);
    const [project] = await handle.db.insert(projects).values({ slug: "alpha", name: "Alpha" }).returning();
    const [series] = await handle.db
      .insert(metricSeries)
      .values({ key: "error_rate{}", name: "error_rate", kind: "service", projectId: project!.id })
      .returning();
    seriesId = series!.id;
    const [engineer, viewer] = await handle.db
      .insert(users)
      .values([
        { email: "eng@example.com", name: "E", role: "engineer" },
        { email: "view@example.com", name: "V", role: "viewer" },
      ])
      .returning();
    for (const [name, userId, scopes] of [
      ["engineer", engineer!.id, ["monitoring:read", "monitoring:write"]],
      ["viewer", viewer!.id, ["monitoring:read", "monitoring:write"]],
    ] as const) {
      const { secret, hash, prefix } = generateApiToken();
      await handle.db
        .insert(apiTokens)
        .values({ userId, name, tokenHash: hash, prefix, scopes: [...scopes] });
      secrets[name] = secret;
    }
  });
  afterAll(() => handle.drop());

  it("creates, reads, changes, lists history of and deletes a rule; audits each change", async () => {
    const body = { seriesId, name: "Errors high", comparator: "gt", threshold: 0.05, forSeconds: 120 };
    const created = await POST(
      new Request(base, { method: "POST", headers: headers("engineer"), body: JSON.stringify(body) }),
      none,
    );
    expect(created.status).toBe(201);
    const { rule } = await created.json();
    expect(rule).toMatchObject({
      name: "Errors high",
      windowSeconds: 300,
      forSeconds: 120,
      severity: "warning",
      enabled: true,
      retrain: null,
      seriesName: "error_rate",
    });

    const listed = await (await GET(new Request(base, { headers: headers("viewer") }), none)).json();
    expect(listed.items.map((r: { id: string }) => r.id)).toEqual([rule.id]);

    const patched = await PATCH(
      new Request(`${base}/${rule.id}`, {
        method: "PATCH",
        headers: headers("engineer"),
        body: JSON.stringify({ threshold: 0.1, enabled: false }),
      }),
      one(rule.id),
    );
    expect((await patched.json()).rule).toMatchObject({ threshold: 0.1, enabled: false });
    expect(
      (
        await (
          await GET_ONE(new Request(`${base}/${rule.id}`, { headers: headers("viewer") }), one(rule.id))
        ).json()
      ).rule.threshold,
    ).toBe(0.1);

    await handle.db.insert(alerts).values({
      ruleId: rule.id,
      projectId: rule.projectId,
      state: "resolved",
      startedAt: new Date(Date.now() - 60_000),
    });
    const history = await (
      await HISTORY(new Request(`${base}/${rule.id}/alerts`, { headers: headers("viewer") }), one(rule.id))
    ).json();
    expect(history.items).toHaveLength(1);
    expect(history.items[0].state).toBe("resolved");

    expect(
      (
        await DELETE(
          new Request(`${base}/${rule.id}`, { method: "DELETE", headers: headers("engineer") }),
          one(rule.id),
        )
      ).status,
    ).toBe(204);
    const audit = await handle.db.select().from(auditEvents).where(eq(auditEvents.targetId, rule.id));
    expect(audit.map((a) => a.action).sort()).toEqual([
      "alert_rule.create",
      "alert_rule.delete",
      "alert_rule.update",
    ]);
    expect(
      (await GET_ONE(new Request(`${base}/${rule.id}`, { headers: headers("viewer") }), one(rule.id))).status,
    ).toBe(404);
  });

  it("refuses viewers, bad bodies and a retrain action on an unknown connection", async () => {
    const body = { seriesId, name: "x", comparator: "gt", threshold: 1 };
    const asViewer = await POST(
      new Request(base, { method: "POST", headers: headers("viewer"), body: JSON.stringify(body) }),
      none,
    );
    expect(asViewer.status).toBe(403);
    const bad = await POST(
      new Request(base, {
        method: "POST",
        headers: headers("engineer"),
        body: JSON.stringify({ ...body, comparator: "eq", forSeconds: -1 }),
      }),
      none,
    );
    expect(bad.status).toBe(400);
    const retrain = {
      connectionId: "00000000-0000-4000-8000-000000000000",
      kind: "github_workflow_dispatch",
      repository: "a/b",
      workflow: "t.yml",
      ref: "main",
      cooldownMinutes: 30,
    };
    const unknown = await POST(
      new Request(base, {
        method: "POST",
        headers: headers("engineer"),
        body: JSON.stringify({ ...body, retrain }),
      }),
      none,
    );
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await unknown.json())).toMatch(/retrain.connectionId/);
  });
});
