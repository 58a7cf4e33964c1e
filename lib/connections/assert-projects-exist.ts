import "server-only";
import { inArray } from "drizzle-orm";
import { AppError } from "@/lib/api/errors";
import type { Executor } from "@/lib/db/client";
import { projects } from "@/lib/db/schema";
import type { ProviderConnectionConfig } from "./config-schema";

/**
 * 400 naming each repository row (or the default) whose Tandem project does not exist, so
 * a connection can never route runs to nowhere. Runs inside the verb's transaction.
 */
export async function assertProjectsExist(db: Executor, config: ProviderConnectionConfig): Promise<void> {
  const wanted = [
    ...config.repositories.map((r) => r.projectId),
    ...(config.defaultProjectId ? [config.defaultProjectId] : []),
  ];
  if (wanted.length === 0) return;
  const found = await db
    .select({ id: projects.id })
    .from(projects)
    .where(inArray(projects.id, [...new Set(wanted)]));
  const known = new Set(found.map((p) => p.id));
  const fields = config.repositories.flatMap((repo, index) =>
    known.has(repo.projectId)
      ? []
      : [{ path: `config.repositories.${index}.projectId`, message: `Unknown project for ${repo.name}.` }],
  );
  if (config.defaultProjectId && !known.has(config.defaultProjectId)) {
    fields.push({ path: "config.defaultProjectId", message: "Unknown project." });
  }
  if (fields.length > 0) {
    throw new AppError("invalid_request", "Some repositories map to projects that do not exist.", { fields });
  }
}
