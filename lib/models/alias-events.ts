import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { modelAliases, modelVersions } from "@/lib/db/schema";

export type AliasResult = {
  alias: string;
  /** The holder after the call (null once removed). */
  version: number | null;
  versionId: string | null;
  previousVersion: number | null;
  previousVersionId: string | null;
  /** False when the alias already pointed there (or was already absent): nothing was written. */
  changed: boolean;
};

/** Who holds the alias now (version id and number), read under the caller's model lock. */
export async function currentHolder(db: Executor, modelId: string, alias: string) {
  const [row] = await db
    .select({ versionId: modelAliases.versionId, version: modelVersions.version })
    .from(modelAliases)
    .innerJoin(modelVersions, eq(modelVersions.id, modelAliases.versionId))
    .where(and(eq(modelAliases.modelId, modelId), eq(modelAliases.alias, alias)))
    .limit(1);
  return row ?? null;
}
