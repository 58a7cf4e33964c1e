import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { modelVersions } from "@/lib/db/schema";
import { insertModel, insertProject } from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { registerModelVersion } from "./register-version";
import { engineerIn, history } from "./register-version-test-fixtures";

describeEachDatabase("registerModelVersion concurrency", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());

  it.skipIf(kind === "pglite")(
    // PGlite has one connection, so nothing runs concurrently there; this is Postgres only.
    "numbers 10 concurrent registrations 1..10 without gaps or duplicates, and dedupes concurrent replays",
    async () => {
      const db = handle.db;
      const engineer = await engineerIn(db);
      const project = await insertProject(db);
      const model = await insertModel(db, project.id);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          registerModelVersion(
            { db, actor: engineer },
            { modelId: model.id, body: { clientKey: `parallel-${i}`, history: history(200) } },
          ),
        ),
      );
      expect(results.every((r) => r.created)).toBe(true);
      expect(results.map((r) => r.version.version).sort((a, b) => a - b)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
      ]);
      const replays = await Promise.all(
        Array.from({ length: 8 }, () =>
          registerModelVersion({ db, actor: engineer }, { modelId: model.id, body: { clientKey: "same" } }),
        ),
      );
      expect(replays.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(replays.map((r) => r.version.id)).size).toBe(1);
      expect(replays[0]!.version.version).toBe(11);
      const [stored] = await db
        .select({ n: count() })
        .from(modelVersions)
        .where(and(eq(modelVersions.modelId, model.id)));
      expect(Number(stored!.n)).toBe(11);
    },
  );
});
