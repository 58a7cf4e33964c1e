import { afterAll, beforeAll, expect, it } from "vitest";
import { generateApiToken } from "@/lib/auth/api-token";
import { useTestEncryptionKey } from "@/lib/connections/testing/use-test-encryption-key";
import { useDatabaseHandle } from "@/lib/db";
import { apiTokens, projects, users } from "@/lib/db/schema";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { DELETE, GET as GET_ONE, PATCH } from "./[id]/route";
import { GET, POST } from "./route";

type Handle = Awaited<ReturnType<typeof createTestDatabase>>;

describeEachDatabase("/api/v1/connections", (kind) => {
  let handle: Handle;
  let projectId: string;
  const secrets: Record<string, string> = {};

  async function token(name: string, userId: string, scopes: string[]) {
    const { secret, hash, prefix } = generateApiToken();
    await handle.db.insert(apiTokens).values({ userId, name, tokenHash: hash, prefix, scopes });
    secrets[name] = secret;
  }
  const headers = (as: string) => ({
    authorization: `Bearer ${secrets[as]}`,
    "content-type": "application/json",
  });
  const base = "http://tandem.test/api/v1/connections";
  const one = (id: string) => ({ params: Promise.resolve({ id }) });

  beforeAll(async () => {
    useTestEncryptionKey();
    handle = await createTestDatabase(kind);
    useDatabaseHandle(handle);
    const [project] = await handle.db.insert(projects).values({ slug: "alpha", name: "Alpha" }).returning();
    projectId = project!.id;
    const [admin, engineer] = await handle.db
      .insert(users)
      .values([
        { email: "admin@example.com", name: "A", role: "admin" },
        { email: "eng@example.com", name: "E", role: "engineer" },
      ])
      .returning();
    await token("admin", admin!.id, ["connections:read", "connections:write"]);
    await token("engineer", engineer!.id, ["runs:write"]);
  });
  afterAll(() => handle.drop());

  it("creates a connection (201, secret once), lists and reads it without secrets, updates and deletes it", async () => {
    const body = {
      kind: "gitlab",
      name: "GitLab",
      token: "glpat-route-secret",
      config: { repositories: [{ name: "platform/api", projectId }] },
    };
    const created = await POST(
      new Request(base, { method: "POST", headers: headers("admin"), body: JSON.stringify(body) }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(created.status).toBe(201);
    const { connection, webhookSecret } = await created.json();
    expect(connection).toMatchObject({ kind: "gitlab", baseUrl: "https://gitlab.com", hasToken: true });
    expect(webhookSecret).toHaveLength(43);

    const list = await GET(new Request(base, { headers: headers("admin") }), { params: Promise.resolve({}) });
    const listText = await list.text();
    expect(listText).not.toContain("glpat-route-secret");
    expect(listText).not.toContain(webhookSecret);

    const read = await GET_ONE(
      new Request(`${base}/${connection.id}`, { headers: { ...headers("admin"), host: "tandem.test" } }),
      one(connection.id),
    );
    const detail = (await read.json()).connection;
    expect(detail.webhookUrl).toMatch(new RegExp(`/api/webhooks/gitlab/${connection.id}$`));
    expect(JSON.stringify(detail)).not.toContain(webhookSecret);

    const patched = await PATCH(
      new Request(`${base}/${connection.id}`, {
        method: "PATCH",
        headers: headers("admin"),
        body: JSON.stringify({ enabled: false, token: "" }),
      }),
      one(connection.id),
    );
    expect((await patched.json()).connection).toMatchObject({ enabled: false, hasToken: true });

    const gone = await DELETE(
      new Request(`${base}/${connection.id}`, { method: "DELETE", headers: headers("admin") }),
      one(connection.id),
    );
    expect(gone.status).toBe(204);
  });

  it("answers 400 with field details for a bad body and 403 to non-admin tokens", async () => {
    const bad = await POST(
      new Request(base, {
        method: "POST",
        headers: headers("admin"),
        body: JSON.stringify({ kind: "azure_devops", name: "", token: "" }),
      }),
      { params: Promise.resolve({}) },
    );
    expect(bad.status).toBe(400);
    const paths = (await bad.json()).error.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["name", "token"]));
    const forbidden = await GET(new Request(base, { headers: headers("engineer") }), {
      params: Promise.resolve({}),
    });
    expect(forbidden.status).toBe(403);
  });

  it("lists and patches an MLflow connection with its own config, not a repository mapping", async () => {
    const body = {
      kind: "mlflow",
      name: "MLflow",
      baseUrl: "https://mlflow.example.com",
      auth: { type: "bearer", token: "mlflow-route-secret" },
      config: { projectId, models: ["churn"], intervalMinutes: 10 },
    };
    const created = await POST(
      new Request(base, { method: "POST", headers: headers("admin"), body: JSON.stringify(body) }),
      { params: Promise.resolve({}) },
    );
    expect(created.status).toBe(201);
    const { connection } = await created.json();
    expect(connection.config).toEqual({ projectId, models: ["churn"], intervalMinutes: 10 });

    const patched = await PATCH(
      new Request(`${base}/${connection.id}`, {
        method: "PATCH",
        headers: headers("admin"),
        body: JSON.stringify({ config: { projectId, models: ["churn", "fraud"], intervalMinutes: 5 } }),
      }),
      one(connection.id),
    );
    expect(patched.status).toBe(200);
    expect((await patched.json()).connection.config).toEqual({
      projectId,
      models: ["churn", "fraud"],
      intervalMinutes: 5,
    });

    const list = await GET(new Request(base, { headers: headers("admin") }), { params: Promise.resolve({}) });
    const listText = await list.text();
    expect(listText).not.toContain("mlflow-route-secret");
    const listed = JSON.parse(listText).items.find((c: { id: string }) => c.id === connection.id);
    expect(listed).toMatchObject({ kind: "mlflow", hasToken: true });
    expect(listed.config).toEqual({ projectId, models: ["churn", "fraud"], intervalMinutes: 5 });
  });
});
