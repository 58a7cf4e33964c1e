/** One thing a probe checked: the account, a repository, a project's pipelines. */
export type ProbeFinding = { name: string; ok: boolean; detail: string };

/**
 * What "Test connection" found, in words an admin can act on. `error` is set when the
 * provider could not be used at all (bad token, wrong URL, unreachable host).
 */
export type ProbeResult = {
  ok: boolean;
  /** Who the token signs in as, when the provider says. */
  account: string | null;
  findings: ProbeFinding[];
  /** Requests left in the current rate-limit window, when the provider reports it. */
  rateLimit: { remaining: number; limit: number } | null;
  error: string | null;
};

export type ProbeInput = {
  baseUrl: string;
  token: string;
  /** GitHub `owner/repo`, GitLab `group/project`, Azure DevOps project names. */
  repositories: string[];
  /** Per-request time limit; tests shorten it. */
  timeoutMs?: number;
};

export const DEFAULT_PROBE_TIMEOUT_MS = 10_000;

export function failed(error: string, findings: ProbeFinding[] = []): ProbeResult {
  return { ok: false, account: null, findings, rateLimit: null, error };
}

export function finished(
  account: string | null,
  findings: ProbeFinding[],
  rateLimit: ProbeResult["rateLimit"],
): ProbeResult {
  return { ok: findings.every((f) => f.ok), account, findings, rateLimit, error: null };
}

/** Reads `remaining` / `limit` rate-limit header values; null unless both are numbers. */
export function rateLimitFrom(remaining: unknown, limit: unknown): ProbeResult["rateLimit"] {
  const r = Number(remaining);
  const l = Number(limit);
  return remaining != null && limit != null && Number.isFinite(r) && Number.isFinite(l)
    ? { remaining: r, limit: l }
    : null;
}
