import { AppError } from "@/lib/api/errors";
import { explainProviderError, providerStatus } from "@/lib/connections/probes/explain-error";

export type ProviderName = "GitHub" | "GitLab" | "Azure DevOps";

/** Details carried by a provider failure, so jobs can tell a retryable outage from a refusal. */
export type ProviderErrorDetails = {
  provider: ProviderName;
  providerStatus: number | null;
  retryable: boolean;
};

type Shape = { message?: string; cause?: { description?: unknown } };

/** The provider's own words, when its answer carried any (GitHub's message, GitLab's description). */
function providerMessage(error: unknown): string | null {
  const e = (error ?? {}) as Shape;
  const description = e.cause?.description;
  if (typeof description === "string" && description) return description;
  if (typeof e.message === "string" && e.message) return e.message.split(" - https://")[0]!.slice(0, 300);
  return null;
}

/**
 * What a provider client threw, as the one error type: the provider's failure in plain words
 * (and its own message for refusals, e.g. "Workflow does not have 'workflow_dispatch'
 * trigger"). It answers 502 `upstream`: the provider failed, not Tandem (a provider that could
 * not be reached at all is the same bad gateway); `details.retryable` is false for 4xx
 * refusals that retrying cannot fix.
 */
export function providerAppError(
  error: unknown,
  provider: ProviderName,
  baseUrl: string,
  action: string,
): AppError {
  if (error instanceof AppError) return error;
  const status = providerStatus(error);
  const host = new URL(baseUrl).host;
  const plain = explainProviderError(error, provider, host);
  const own = status !== null && status >= 400 && status < 500 ? providerMessage(error) : null;
  const retryable = status === null || status >= 500 || status === 429 || status === 408;
  const details: ProviderErrorDetails = { provider, providerStatus: status, retryable };
  const message = `Could not ${action}: ${plain}${own && !plain.includes(own) ? ` (${own})` : ""}.`;
  return new AppError("upstream", message, details);
}

/** Whether a thrown error is worth another attempt later (network failure, 5xx, rate limit). */
export function isRetryableProviderError(error: unknown): boolean {
  if (error instanceof AppError) {
    const details = error.details as Partial<ProviderErrorDetails> | undefined;
    return details?.retryable === true;
  }
  return true;
}
