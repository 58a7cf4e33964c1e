import { afterAll, beforeAll } from "vitest";
import { generateApiToken } from "@/lib/auth/api-token";
import { useDatabaseHandle } from "@/lib/db";
import { apiTokens, projects, users } from "@/lib/db/schema";
import { insertPipeline, insertRun } from "@/lib/db/test-factories";
import { createTestDatabase, type TestDatabaseKind } from "@/lib/db/testing";

type Handle = Awaited<ReturnType<typeof createTestDatabase>>;
export type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

/**
 * A database for the models API suites: projects alpha (with a GitHub training run 4242) and
 * beta, and bearer tokens `writer`, `reader`, `beta-writer` (beta only) and `viewer-wide` (a
 * viewer asking for models:write). `call` sends a request to a route handler as one of them.
 */
export function modelsApiSuite(kind: TestDatabaseKind) {
  const api = {
    betaId: "",
    call<P>(
      handler: Handler<P>,
      method: string,
      path: string,
      params: P,
      as: string,
      body?: unknown,
      contentType = "application/json",
    ) {
      const request = new Request(`http://tandem.test/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${secrets[as]}`,
          ...(body === undefined ? {} : { "content-type": contentType }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return handler(request, { params: Promise.resolve(params) });
    },
  };
  let handle: Handle;
  const secrets: Record<string, string> = {};

  async function token(name: string, userId: string, scopes: string[], projectIds: string[] | null = null) {
    const { secret, hash, prefix } = generateApiToken();
    await handle.db.insert(apiTokens).values({ userId, name, tokenHash: hash, prefix, scopes, projectIds });
    secrets[name] = secret;
  }

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    useDatabaseHandle(handle);
    const [alpha, beta] = await handle.db
      .insert(projects)
      .values([
        { slug: "alpha", name: "Alpha" },
        { slug: "beta", name: "Beta" },
      ])
      .returning();
    api.betaId = beta!.id;
    const pipeline = await insertPipeline(handle.db, alpha!.id, {
      provider: "github",
      name: "train",
      kind: "training",
    });
    await insertRun(handle.db, pipeline, {
      provider: "github",
      externalId: "4242",
      runNumber: 7,
      commitSha: "c0ffee1",
    });
    const [engineer, viewer] = await handle.db
      .insert(users)
      .values([
        { email: "engineer@example.com", name: "E", role: "engineer" },
        { email: "viewer@example.com", name: "V", role: "viewer" },
      ])
      .returning();
    await token("writer", engineer!.id, ["models:read", "models:write"]);
    await token("reader", viewer!.id, ["models:read"]);
    await token("beta-writer", engineer!.id, ["models:read", "models:write"], [beta!.id]);
    // A viewer's token asking for models:write is narrowed to the role: 403.
    await token("viewer-wide", viewer!.id, ["models:read", "models:write"]);
  });
  afterAll(() => handle.drop());
  return api;
}
