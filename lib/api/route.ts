import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import type { ZodType } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { requireRequestActor } from "@/lib/auth/require";
import { logger } from "@/lib/log";
import { AppError, type ErrorBody, isAppError, validationError } from "./errors";

export type RouteContext<P> = { params: Promise<P> };

type Handler<P> = (args: {
  request: Request;
  actor: Actor;
  params: P;
  requestId: string;
}) => Promise<Response>;

/** Turns any thrown value into the one JSON error shape with the right status. */
export function errorResponse(error: unknown, requestId: string): NextResponse<ErrorBody> {
  const appError = isAppError(error) ? error : new AppError("internal", "Something went wrong on our side.");
  if (!isAppError(error)) logger.error({ err: error, requestId }, "unhandled error");
  return NextResponse.json(appError.toBody(), {
    status: appError.status,
    headers: { "x-request-id": requestId },
  });
}

/**
 * Wraps an /api/v1 route handler: assigns a request id, authenticates (token or session)
 * and checks the permission before the handler runs, and logs one line per request.
 */
export function apiRoute<P = Record<string, never>>(permission: Permission, handler: Handler<P>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    const requestId = request.headers.get("x-request-id") ?? randomUUID();
    const started = Date.now();
    let status = 500;
    try {
      const actor = await requireRequestActor(request, permission);
      const response = await handler({ request, actor, params: await context.params, requestId });
      response.headers.set("x-request-id", requestId);
      status = response.status;
      return response;
    } catch (error) {
      const response = errorResponse(error, requestId);
      status = response.status;
      return response;
    } finally {
      logger.info(
        {
          requestId,
          method: request.method,
          path: new URL(request.url).pathname,
          status,
          ms: Date.now() - started,
        },
        "api request",
      );
    }
  };
}

/** Reads and validates a JSON body; 415 / 400 with field details on failure. */
export async function readJson<T>(request: Request, schema: ZodType<T>, maxBytes = 1_000_000): Promise<T> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) {
    throw new AppError("unsupported_media_type", "Send the body as application/json.");
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) {
    throw new AppError("payload_too_large", `The body is larger than ${maxBytes} bytes.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError("invalid_request", "The body is not valid JSON.");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

/** Validates URL search params with a schema (400 on failure). */
export function readQuery<T>(request: Request, schema: ZodType<T>): T {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw validationError(parsed.error, "The query parameters are not valid.");
  return parsed.data;
}
