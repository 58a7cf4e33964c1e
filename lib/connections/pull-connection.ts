import "server-only";
import { inArray } from "drizzle-orm";
import type { z } from "zod";
import { AppError } from "@/lib/api/errors";
import { open, seal } from "@/lib/crypto/secret-box";
import type { Executor } from "@/lib/db/client";
import { projects } from "@/lib/db/schema";
import type { MlflowConnectionConfig, PrometheusConnectionConfig } from "./config-schema";
import type { ManagedConnectionKind } from "./kinds";
import { CONFIG_SCHEMAS, type PullAuth, pullAuthSchema } from "./schemas";

/**
 * What MLflow and Prometheus connections share: their sign-in is stored sealed as JSON (CI
 * kinds store a bare token), and their config names projects that must exist.
 */

/** The sealed credentials column for a pull connection; null when it signs in as nobody. */
export function sealPullAuth(auth: PullAuth): string | null {
  return auth.type === "none" ? null : seal(JSON.stringify(auth));
}

/** The Authorization header for a stored pull sign-in; none when nothing (or something unreadable) is stored. */
export function pullAuthHeaders(credentialsEncrypted: string | null): Record<string, string> {
  if (!credentialsEncrypted) return {};
  let auth: PullAuth;
  try {
    auth = pullAuthSchema.parse(JSON.parse(open(credentialsEncrypted)));
  } catch {
    return {};
  }
  if (auth.type === "bearer") return { authorization: `Bearer ${auth.token}` };
  if (auth.type === "basic") {
    const pair = Buffer.from(`${auth.username}:${auth.password}`).toString("base64");
    return { authorization: `Basic ${pair}` };
  }
  return {};
}

type PullConfig =
  | { kind: "mlflow"; config: MlflowConnectionConfig }
  | { kind: "prometheus"; config: PrometheusConnectionConfig };

/** 400 naming each config field whose Tandem project does not exist; nothing is written then. */
export async function assertPullProjectsExist(db: Executor, input: PullConfig): Promise<void> {
  const refs =
    input.kind === "mlflow"
      ? [{ path: "config.projectId", id: input.config.projectId }]
      : input.config.queries.map((q, i) => ({ path: `config.queries.${i}.projectId`, id: q.projectId }));
  if (refs.length === 0) return;
  const found = await db
    .select({ id: projects.id })
    .from(projects)
    .where(inArray(projects.id, [...new Set(refs.map((r) => r.id))]));
  const known = new Set(found.map((p) => p.id));
  const fields = refs
    .filter((r) => !known.has(r.id))
    .map((r) => ({ path: r.path, message: "Unknown project." }));
  if (fields.length > 0) {
    throw new AppError("invalid_request", "The configuration names projects that do not exist.", { fields });
  }
}

/**
 * Checks a PATCHed config against the connection's kind (the body cannot know the kind),
 * answering a 400 whose field paths start with `config.` like the create body's do.
 */
export function parseConfigFor<K extends ManagedConnectionKind>(
  kind: K,
  raw: unknown,
): z.infer<(typeof CONFIG_SCHEMAS)[K]> {
  const parsed = CONFIG_SCHEMAS[kind].safeParse(raw);
  if (parsed.success) return parsed.data as z.infer<(typeof CONFIG_SCHEMAS)[K]>;
  const fields = parsed.error.issues.map((issue) => ({
    path: ["config", ...issue.path].join("."),
    message: issue.message,
  }));
  throw new AppError("invalid_request", "The request is not valid.", { fields });
}
