import { retryAdvice } from "./rate-limit";

/** Bounds on waiting: a sync gives up (and records why) rather than hang on a provider. */
export const RETRY_LIMITS = {
  /** Attempts per call, the first included. */
  attempts: 6,
  /** The longest single wait; a reset further away fails the pass (the next poll resumes). */
  maxWaitMs: 15 * 60_000,
  baseMs: 1000,
};

export type RetryOptions = {
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  limits?: Partial<typeof RETRY_LIMITS>;
  onRetry?: (info: { attempt: number; waitMs: number; reason: string }) => void;
};

export class SyncGaveUpError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SyncGaveUpError";
  }
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Calls `fn`, waiting out rate limits (Retry-After, reset headers) and backing off on 5xx
 * and dropped connections, up to a bound. One 429 never fails a whole sync; a limit that
 * will not lift in time throws SyncGaveUpError with the reason.
 */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const limits = { ...RETRY_LIMITS, ...options.limits };
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? (() => new Date());
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const advice = retryAdvice(error, attempt, now(), limits.baseMs);
      if (!advice.retry) throw error;
      if (attempt + 1 >= limits.attempts) {
        throw new SyncGaveUpError(`gave up after ${attempt + 1} attempts: ${advice.reason}`, {
          cause: error,
        });
      }
      if (advice.waitMs > limits.maxWaitMs) {
        const minutes = Math.ceil(advice.waitMs / 60_000);
        throw new SyncGaveUpError(
          `${advice.reason}; the limit resets in ${minutes} min, resuming on a later pass`,
          {
            cause: error,
          },
        );
      }
      options.onRetry?.({ attempt: attempt + 1, waitMs: advice.waitMs, reason: advice.reason });
      await sleep(advice.waitMs);
    }
  }
}
