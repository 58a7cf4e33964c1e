import { z } from "zod";

/**
 * The only reader of process.env. Every variable Tandem understands is declared here,
 * validated once, and documented in the README's configuration table.
 */
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const flag = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
  ),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  TANDEM_DATA_DIR: z.string().trim().min(1).default("./.data"),
  TANDEM_DEMO: flag,
  TANDEM_JOBS: z.enum(["inline", "off"]).default("inline"),
  /** Metric points and rollups older than this are deleted by the daily retention job. */
  TANDEM_METRICS_RETENTION_DAYS: z.coerce.number().int().positive().max(36_500).default(400),
  NEXTAUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  NEXTAUTH_URL: optionalString.pipe(z.url("must be a URL such as https://tandem.example.com").optional()),
  GITHUB_CLIENT_ID: optionalString,
  GITHUB_CLIENT_SECRET: optionalString,
  GITLAB_CLIENT_ID: optionalString,
  GITLAB_CLIENT_SECRET: optionalString,
  GITLAB_URL: optionalString.pipe(z.url().optional()),
  TANDEM_ENCRYPTION_KEY: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9+/_-]{43}=?$|^[0-9a-fA-F]{64}$/, "must be 32 bytes as base64 or 64 hex characters")
      .optional(),
  ),
  TANDEM_ENCRYPTION_OLD_KEYS: optionalString,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

/** Parses an environment record; throws one EnvError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  const env = result.data;
  const pairs: [string | undefined, string | undefined, string][] = [
    [env.GITHUB_CLIENT_ID, env.GITHUB_CLIENT_SECRET, "GITHUB_CLIENT_ID / GITHUB_CLIENT_SECRET"],
    [env.GITLAB_CLIENT_ID, env.GITLAB_CLIENT_SECRET, "GITLAB_CLIENT_ID / GITLAB_CLIENT_SECRET"],
  ];
  for (const [id, secret, names] of pairs) {
    if (Boolean(id) !== Boolean(secret)) {
      throw new EnvError(`Invalid environment configuration:\n  ${names}: set both or neither`);
    }
  }
  if (env.DATABASE_URL && env.NODE_ENV === "production" && !env.NEXTAUTH_SECRET && !env.TANDEM_DEMO) {
    throw new EnvError(
      "Invalid environment configuration:\n  NEXTAUTH_SECRET: required when DATABASE_URL is set (production mode); generate one with `openssl rand -base64 32`",
    );
  }
  return env;
}

let cached: Env | undefined;

/** The validated environment of this process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests that change process.env: read it again on next use. */
export function resetEnv(): void {
  cached = undefined;
}

/** Demo mode: the embedded database, or TANDEM_DEMO=1. Demo accounts are shown only then. */
export function isDemoMode(e: Env = env()): boolean {
  return !e.DATABASE_URL || e.TANDEM_DEMO;
}
