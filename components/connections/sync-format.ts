/**
 * Words and numbers for the sync panel, kept pure so they are unit-tested: progress as a
 * percentage when the total is known, scope names as people read them, and the provider's
 * rate-limit headroom ("4,812 of 5,000 requests left, resets 14:05").
 */

export type Progress = { percent: number | null; label: string };

const number = new Intl.NumberFormat("en-US");

/** Done / total as a bar value; an unknown total gives a count and no percentage. */
export function syncProgress(itemsDone: number, itemsTotal: number | null): Progress {
  if (itemsTotal === null || itemsTotal <= 0) {
    return { percent: itemsTotal === 0 ? 100 : null, label: `${number.format(itemsDone)} items` };
  }
  const percent = Math.min(100, Math.round((itemsDone / itemsTotal) * 100));
  return { percent, label: `${number.format(itemsDone)} of ${number.format(itemsTotal)}` };
}

const SCOPE_NAMES: Record<string, string> = {
  runs: "Runs and jobs",
  pipelines: "Pipelines and jobs",
  builds: "Builds and timelines",
  deployments: "Deployments",
  environments: "Environments",
};

/** `runs:acme/api` → { what: "Runs and jobs", where: "acme/api" }. */
export function describeScope(scope: string): { what: string; where: string } {
  const at = scope.indexOf(":");
  const kind = at < 0 ? scope : scope.slice(0, at);
  return { what: SCOPE_NAMES[kind] ?? kind, where: at < 0 ? "" : scope.slice(at + 1) };
}

/** The headroom line, with the reset time in the reader's clock (HH:MM, 24-hour). */
export function describeRateLimit(
  rateLimit: { limit: number; remaining: number; resetAt: string | null } | null,
  timeZone?: string,
): string | null {
  if (!rateLimit) return null;
  const left = `${number.format(rateLimit.remaining)} of ${number.format(rateLimit.limit)} requests left`;
  if (!rateLimit.resetAt) return left;
  const time = new Intl.DateTimeFormat("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
    timeZone,
  }).format(new Date(rateLimit.resetAt));
  return `${left}, resets ${time}`;
}
