import "server-only";
import { logger } from "@/lib/log";
import { isAppError } from "./errors";

export type ActionFailure = { ok: false; error: string; fieldErrors?: Record<string, string> };
export type ActionResult = { ok: true } | ActionFailure;

type FailureDetails = { fields?: { path: string; message: string }[]; field?: string; scopes?: string[] };

/**
 * The one way a server action reports failure to its form: the AppError's message plus one
 * message per field (top-level field name); unexpected errors are logged, never leaked.
 */
export function actionFailure(error: unknown, action: string): ActionFailure {
  if (!isAppError(error)) {
    logger.error({ err: error, action }, "server action failed");
    return { ok: false, error: "Something went wrong on our side. Try again." };
  }
  const details = error.details as FailureDetails | undefined;
  const fieldErrors: Record<string, string> = {};
  for (const field of details?.fields ?? [])
    fieldErrors[field.path.split(".")[0] || "form"] ??= field.message;
  if (details?.field) fieldErrors[details.field] = error.message;
  if (details?.scopes) fieldErrors.scopes = error.message;
  return Object.keys(fieldErrors).length > 0
    ? { ok: false, error: error.message, fieldErrors }
    : { ok: false, error: error.message };
}
