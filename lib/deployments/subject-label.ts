import { sql } from "drizzle-orm";
import { models, modelVersions, releases } from "@/lib/db/schema";

/**
 * What a deployment or promotion moves, in words: the release version, or "model vN".
 * Needs releases, model_versions and models left-joined into the query.
 */
export const subjectLabel = sql<string>`coalesce(${releases.version}, ${models.name} || ' v' || ${modelVersions.version}, '?')`;
