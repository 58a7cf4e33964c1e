import { afterAll, beforeAll, expect, it } from "vitest";
import { generateApiToken } from "@/lib/auth/api-token";
import { useDatabaseHandle } from "@/lib/db";
import { apiTokens } from "@/lib/db/schema";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { gateFixture } from "@/lib/gates/gate-fixture";
import { POST as APPROVE } from "./[id]/approve/route";
import { POST as CANCEL } from "./[id]/cancel/route";
import { POST as DEPLOY } from "./[id]/deploy/route";
import { POST as REJECT } from "./[id]/reject/route";
import { GET as GET_ONE } from "./[id]/route";
import { POST as CREATE } from "./route";

type Handle = Awaited<ReturnType<typeof createTestDatabase>>;
type Fixture = Awaited<ReturnType<typeof gateFixture>>;
type Verb = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;

describeEachDatabase("promotions API", (kind) => {
  let handle: Handle;
  let f: Fixture;
  const secrets: Record<string, string> = {};

  async function token(name: string, userId: string, scopes: string[], projectIds: string[] | null = null) {
    const { secret, hash, prefix } = generateApiToken();
    await handle.db.insert(apiTokens).values({ userId, name, tokenHash: hash, prefix, scopes, projectIds });
    secrets[name] = secret;
  }
  const headers = (as: string) => ({
    authorization: `Bearer ${secrets[as]}`,
    "content-type": "application/json",
  });
  const url = (path: string) => `http://tandem.test/api/v1/promotions${path}`;

  function create(body: unknown, as: string) {
    return CREATE(
      new Request(url(""), { method: "POST", headers: headers(as), body: JSON.stringify(body) }),
      {
        params: Promise.resolve({}),
      },
    );
  }
  function act(verb: Verb, id: string, as: string, body?: unknown) {
    const request = new Request(url(`/${id}`), {
      method: "POST",
      headers: headers(as),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return verb(request, { params: Promise.resolve({ id }) });
  }
  // The routes run on the real clock, so directly inserted requests must expire after it.
  const pending = (modelVersionId: string) =>
    f.pendingRequest({ modelVersionId, createdAt: new Date(), expiresAt: new Date(Date.now() + 86_400_000) });
  const get = (id: string, as: string) =>
    GET_ONE(new Request(url(`/${id}`), { headers: headers(as) }), { params: Promise.resolve({ id }) });

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    useDatabaseHandle(handle);
    f = await gateFixture(handle.db);
    const p = f.people;
    const all = ["promotions:read", "promotions:request", "promotions:approve"];
    await token("engineer", p.requester.userId, all);
    await token("a", p.approverA.userId, all);
    await token("b", p.approverB.userId, all);
    await token("c", p.approverC.userId, all);
    await token("viewer", p.viewer.userId, all);
    await token("read-only", p.approverC.userId, ["promotions:read"]);
    await token("elsewhere", p.approverC.userId, all, [crypto.randomUUID()]);
  });
  afterAll(() => handle.drop());

  it("requests, shows, approves to quorum and deploys, in the one JSON shape", async () => {
    const created = await create(
      { modelVersionId: f.versions.v2.id, environment: "production", reason: "better accuracy" },
      "engineer",
    );
    expect(created.status).toBe(201);
    const { request } = await created.json();
    expect(request).toMatchObject({ status: "pending", reason: "better accuracy", emergency: false });

    const again = await create(
      { modelVersionId: f.versions.v2.id, environment: "production", reason: "x" },
      "engineer",
    );
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({
      error: {
        code: "conflict",
        message: "A promotion of fraud v2 to Production is already waiting for approval.",
        details: { requestId: request.id },
      },
    });

    const seen = await (await get(request.id, "viewer")).json();
    expect(seen.evaluation.canApprove).toEqual({
      allowed: false,
      reasons: ["Your role (viewer) does not allow approving or rejecting promotions"],
      refusal: "forbidden",
    });
    expect(seen.candidate.label).toBe("fraud v2");
    expect(seen.current.subject.label).toBe("fraud v1");

    const self = await act(APPROVE, request.id, "engineer");
    expect(self.status).toBe(403);
    expect((await self.json()).error.details).toEqual({ permission: "promotions:approve" });
    expect((await act(APPROVE, request.id, "read-only")).status).toBe(403);
    expect((await act(APPROVE, request.id, "elsewhere")).status).toBe(404);
    expect((await get(request.id, "elsewhere")).status).toBe(404);

    const first = await act(APPROVE, request.id, "a");
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ request: { status: "pending" }, deployment: null });
    const twice = await act(APPROVE, request.id, "a", { comment: "again" });
    expect(twice.status).toBe(409);
    expect((await twice.json()).error).toEqual({
      code: "conflict",
      message: "You already approved.",
      details: { reasons: ["You already approved"] },
    });

    const second = await act(APPROVE, request.id, "b", { comment: "ship it" });
    const body = await second.json();
    expect(body).toMatchObject({
      request: { status: "deployed", deploymentId: body.deployment.id },
      approval: { comment: "ship it" },
      deployment: { status: "succeeded", promotionRequestId: request.id },
    });
    expect((await act(REJECT, request.id, "c", { comment: "too late" })).status).toBe(409);
  });

  it("validates bodies: a rejection needs a comment, bodies must be JSON", async () => {
    const open = await pending(f.versions.v3.id);
    const missing = await act(REJECT, open.id, "a", {});
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.details.fields[0].path).toBe("comment");
    const notJson = await APPROVE(
      new Request(url(`/${open.id}`), {
        method: "POST",
        headers: { authorization: `Bearer ${secrets.a}`, "content-type": "text/plain" },
        body: "hello",
      }),
      { params: Promise.resolve({ id: open.id }) },
    );
    expect(notJson.status).toBe(415);
    expect((await create({ environment: "production", reason: "x" }, "engineer")).status).toBe(400);
    const anonymous = await CREATE(new Request(url(""), { method: "POST", body: "{}" }), {
      params: Promise.resolve({}),
    });
    expect(anonymous.status).toBe(401);
  });

  it("holds an approved request whose check fails, refuses to deploy it, and lets its requester cancel", async () => {
    const worse = await pending(f.versions.v3.id);
    await act(APPROVE, worse.id, "a");
    const held = await (await act(APPROVE, worse.id, "b")).json();
    expect(held.request.status).toBe("pending");
    expect(held.evaluation.blockedBy).toEqual([
      "accuracy is 0.07 lower (0.85 vs 0.92 for fraud v2); the policy allows at most 0.01.",
    ]);
    const deploy = await act(DEPLOY, worse.id, "c");
    expect(deploy.status).toBe(409);
    expect((await deploy.json()).error.details).toMatchObject({ state: "blocked_by_checks" });
    expect((await act(CANCEL, worse.id, "a")).status).toBe(403);
    const cancelled = await act(CANCEL, worse.id, "engineer");
    expect(cancelled.status).toBe(200);
    expect((await cancelled.json()).request.status).toBe("cancelled");
  });
});
