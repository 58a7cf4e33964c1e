import { afterAll, beforeAll, expect, it } from "vitest";
import { generateApiToken } from "@/lib/auth/api-token";
import { useDatabaseHandle } from "@/lib/db";
import { apiTokens } from "@/lib/db/schema";
import { insertModel, insertModelVersion, insertProject, insertUser } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { GET } from "./route";

describeEachDatabase("GET /api/v1/models/{modelId}/compare", (kind) => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  let secret: string;
  let modelId: string;

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    useDatabaseHandle(handle);
    const project = await insertProject(handle.db);
    const model = await insertModel(handle.db, project.id, { name: "fraud model" });
    modelId = model.id;
    await insertModelVersion(handle.db, model.id, 1, { metrics: { auc: 0.8 }, params: { lr: "0.1" } });
    await insertModelVersion(handle.db, model.id, 2, { metrics: { auc: 0.9 }, params: { lr: "0.2" } });
    const user = await insertUser(handle.db, { role: "viewer" });
    const token = generateApiToken();
    await handle.db.insert(apiTokens).values({
      userId: user.id,
      name: "reader",
      tokenHash: token.hash,
      prefix: token.prefix,
      scopes: ["models:read"],
    });
    secret = token.secret;
  });
  afterAll(() => handle.drop());

  const get = (query: string) =>
    GET(
      new Request(`http://tandem.test/api/v1/models/${modelId}/compare?${query}`, {
        headers: { authorization: `Bearer ${secret}` },
      }),
      { params: Promise.resolve({ modelId }) },
    );

  it("answers JSON with the comparison", async () => {
    const response = await get("versions=1,2&baseline=1");
    expect(response.status).toBe(200);
    const { comparison } = await response.json();
    expect(comparison.baseline).toEqual({ version: 1, reason: "requested" });
    expect(comparison.metrics[0].cells[1].delta).toBeCloseTo(0.1, 10);
  });

  it("exports CSV with its content type and a file name", async () => {
    const response = await get("versions=1,2&format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="fraud-model-v1-v2.csv"');
    const lines = (await response.text()).split("\r\n");
    expect(lines[0]).toBe("kind,key,direction,differs,v1 (baseline),v2,v2 delta,v2 delta %");
    expect(lines[1]).toBe("metric,auc,higher,true,0.8,0.9,0.1,12.5");
  });

  it("rejects a malformed selection with 400", async () => {
    expect((await get("versions=1")).status).toBe(400);
    expect((await get("versions=a,b")).status).toBe(400);
  });
});
