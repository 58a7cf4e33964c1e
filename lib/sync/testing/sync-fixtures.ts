import { count, eq } from "drizzle-orm";
import { seal } from "@/lib/crypto/secret-box";
import type { Executor } from "@/lib/db/client";
import { connections, pipelineJobs, pipelineRuns, syncStates } from "@/lib/db/schema";

/** Factories and reads for sync integration tests. Test code only. */

export async function insertSyncConnection(
  db: Executor,
  input: {
    kind: "github" | "gitlab" | "azure_devops";
    baseUrl: string;
    token: string;
    repositories: { name: string; projectId: string }[];
  },
) {
  const [row] = await db
    .insert(connections)
    .values({
      kind: input.kind,
      name: `${input.kind} sync`,
      baseUrl: input.baseUrl,
      credentialsEncrypted: seal(input.token),
      webhookSecretEncrypted: seal("webhook-secret"),
      config: { repositories: input.repositories },
    })
    .returning();
  return row!;
}

export async function runsOf(db: Executor, projectId: string) {
  return db.select().from(pipelineRuns).where(eq(pipelineRuns.projectId, projectId));
}

export async function jobCount(db: Executor, projectId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(pipelineJobs)
    .innerJoin(pipelineRuns, eq(pipelineRuns.id, pipelineJobs.runId))
    .where(eq(pipelineRuns.projectId, projectId));
  return Number(row?.n ?? 0);
}

export async function stateOf(db: Executor, connectionId: string, scope: string) {
  const rows = await db.select().from(syncStates).where(eq(syncStates.connectionId, connectionId));
  return rows.find((r) => r.scope === scope) ?? null;
}

/** A sleep that returns at once and remembers how long it was asked to wait. */
export function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}
