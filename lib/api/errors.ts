import type { ZodError, ZodType } from "zod";

/**
 * The error codes Tandem answers with, and the HTTP status each one means. `upstream` (502)
 * is a provider (GitHub, GitLab, Azure DevOps, MLflow, Prometheus) that failed or answered
 * with an error; `unavailable` (503) is Tandem itself unable to serve now (database, queue).
 */
export const ERROR_STATUS = {
  invalid_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  upstream: 502,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The one error shape: `{ "error": { "code", "message", "details"? } }`. */
export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } };

/** The one error type service verbs throw; routes and actions turn it into ErrorBody. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

/** A zod failure as a 400 naming every bad field. */
export function validationError(error: ZodError, message = "The request is not valid."): AppError {
  const fields = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
  return new AppError("invalid_request", message, { fields });
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Validates a verb's input: the parsed value, or a 400 naming every bad field. */
export function parseInput<T>(schema: ZodType<T>, raw: unknown, message?: string): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, message);
  return parsed.data;
}
