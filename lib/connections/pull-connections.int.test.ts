import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { open } from "@/lib/crypto/secret-box";
import { connections } from "@/lib/db/schema";
import { actorWithRole, expectAppError, insertProject } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { createConnection } from "./create-connection";
import { getConnection } from "./get-connection";
import { listConnections } from "./list-connections";
import { testConnection } from "./test-connection";
import { type FakeMlflow, startFakeMlflow } from "./testing/fake-mlflow";
import { useTestEncryptionKey } from "./testing/use-test-encryption-key";
import { updateConnection } from "./update-connection";

type Handle = Awaited<ReturnType<typeof createTestDatabase>>;

describeEachDatabase("MLflow and Prometheus connections", (kind) => {
  let handle: Handle;
  let mlflow: FakeMlflow;
  let ctx: { db: Handle["db"]; actor: Awaited<ReturnType<typeof actorWithRole>> };
  let projectId: string;

  beforeAll(async () => {
    useTestEncryptionKey();
    handle = await createTestDatabase(kind);
    mlflow = await startFakeMlflow({
      token: "pa55",
      state: { runs: {}, models: [{ name: "churn", aliases: {}, versions: [] }] },
    });
    ctx = { db: handle.db, actor: await actorWithRole(handle.db, "admin") };
    projectId = (await insertProject(handle.db)).id;
  });
  afterAll(async () => {
    await mlflow?.close();
    await handle?.drop();
  });

  const query = (over: object = {}) => ({
    id: "latency",
    promql: "histogram_quantile(0.95, rate(x_bucket[5m]))",
    seriesName: "latency_p95",
    kind: "service" as const,
    projectId,
    labels: {},
    stepSeconds: 30,
    ...over,
  });

  it("stores an MLflow basic sign-in sealed, no webhook secret, and tests it", async () => {
    const created = await createConnection(ctx, {
      kind: "mlflow",
      name: "MLflow",
      baseUrl: `${mlflow.baseUrl}/`,
      auth: { type: "basic", username: "ana", password: "pa55" },
      config: { projectId, models: ["churn", "gone"], intervalMinutes: 5 },
    });
    expect(created.webhookSecret).toBeNull();
    expect(created.connection).toMatchObject({ kind: "mlflow", baseUrl: mlflow.baseUrl, hasToken: true });
    const [row] = await handle.db.select().from(connections).where(eq(connections.id, created.connection.id));
    expect(row!.webhookSecretEncrypted).toBeNull();
    expect(row!.credentialsEncrypted).not.toContain("pa55");
    expect(JSON.parse(open(row!.credentialsEncrypted!))).toEqual({
      type: "basic",
      username: "ana",
      password: "pa55",
    });
    expect(row!.config).toEqual({ projectId, models: ["churn", "gone"], intervalMinutes: 5 });

    const tested = await testConnection(ctx, { id: created.connection.id });
    expect(tested.findings.map((f) => [f.name, f.ok])).toEqual([
      ["Model registry", true],
      ["churn", true],
      ["gone", false],
    ]);
    expect(mlflow.requests.at(-1)?.headers.authorization).toBe(
      `Basic ${Buffer.from("ana:pa55").toString("base64")}`,
    );
  });

  it("checks each kind's config: unknown projects and bad query ids are 400s naming the field", async () => {
    const unknown = await expectAppError(
      createConnection(ctx, {
        kind: "prometheus",
        name: "Prom",
        baseUrl: "https://prometheus.example.com",
        config: {
          queries: [query({ projectId: "00000000-0000-4000-8000-000000000000" })],
          intervalSeconds: 60,
        },
      }),
      "invalid_request",
    );
    expect(JSON.stringify(unknown.details)).toContain("config.queries.0.projectId");
    await expectAppError(
      createConnection(ctx, {
        kind: "mlflow",
        name: "No URL",
        config: { projectId, models: [], intervalMinutes: 5 },
      }),
      "invalid_request",
    );

    const created = await createConnection(ctx, {
      kind: "prometheus",
      name: "Prom",
      baseUrl: "https://prometheus.example.com",
      config: { queries: [query()], intervalSeconds: 60 },
    });
    expect(created.connection.hasToken).toBe(false);
    const bad = await expectAppError(
      updateConnection(ctx, { id: created.connection.id, config: { queries: [query({ id: "Bad Id" })] } }),
      "invalid_request",
    );
    expect(JSON.stringify(bad.details)).toContain("config.queries.0.id");

    await updateConnection(ctx, {
      id: created.connection.id,
      auth: { type: "bearer", token: "t0k" },
      config: { queries: [query({ stepSeconds: 15 })], intervalSeconds: 20 },
    });
    const [row] = await handle.db.select().from(connections).where(eq(connections.id, created.connection.id));
    expect(JSON.parse(open(row!.credentialsEncrypted!))).toEqual({ type: "bearer", token: "t0k" });
    expect(row!.config).toMatchObject({ intervalSeconds: 20, queries: [{ id: "latency", stepSeconds: 15 }] });
  });

  it("reads each kind's own config back from list and get, without secrets or sync state", async () => {
    const ml = await createConnection(ctx, {
      kind: "mlflow",
      name: "MLflow read-back",
      baseUrl: mlflow.baseUrl,
      auth: { type: "bearer", token: "mlflow-secret-token" },
      config: { projectId, models: ["churn"], intervalMinutes: 30 },
    });
    const prom = await createConnection(ctx, {
      kind: "prometheus",
      name: "Prom read-back",
      baseUrl: "https://prometheus.example.com",
      auth: { type: "basic", username: "ops", password: "prom-secret-password" },
      config: { queries: [query({ labels: { env: "prod" } })], intervalSeconds: 30 },
    });
    // State a puller might keep beside the config is not part of what readers see.
    await handle.db
      .update(connections)
      .set({ config: { projectId, models: ["churn"], intervalMinutes: 30, cursor: "opaque" } })
      .where(eq(connections.id, ml.connection.id));

    const listed = await listConnections(ctx);
    const mlListed = listed.find((c) => c.id === ml.connection.id);
    const promListed = listed.find((c) => c.id === prom.connection.id);
    expect(mlListed?.config).toEqual({ projectId, models: ["churn"], intervalMinutes: 30 });
    expect(promListed?.config).toEqual({
      queries: [query({ labels: { env: "prod" } })],
      intervalSeconds: 30,
    });
    expect(prom.connection.config).toEqual(promListed?.config);

    const detail = await getConnection(ctx, { id: ml.connection.id, origin: "https://tandem.example.com" });
    expect(detail).toMatchObject({ kind: "mlflow", hasToken: true, webhookUrl: null });
    expect(detail.config).toEqual({ projectId, models: ["churn"], intervalMinutes: 30 });

    const text = JSON.stringify([listed, detail]);
    for (const secret of ["mlflow-secret-token", "prom-secret-password", "opaque", "repositories"]) {
      expect(text).not.toContain(secret);
    }
  });
});
