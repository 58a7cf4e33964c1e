import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { AppError } from "@/lib/api/errors";
import { getDb } from "@/lib/db";
import { type Actor, assertCan, can, loadSessionActor } from "./actor";
import { loadTokenActor } from "./api-token";
import { authOptions } from "./options";
import type { Permission } from "./permissions";

/** The signed-in person of this request, re-read from the database; null when none. */
export async function currentActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions());
  if (!session?.userId) return null;
  return loadSessionActor(await getDb(), session.userId);
}

/**
 * For server components that read data: sends a signed-out visitor to sign-in and
 * renders the 403 page for a role without the permission.
 */
export async function requirePageActor(permission: Permission): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  if (!can(actor, permission)) forbidden();
  return actor;
}

/** For server actions: throws the one error type (401/403) instead of redirecting. */
export async function requireActionActor(permission: Permission): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new AppError("unauthenticated", "Sign in to continue.");
  assertCan(actor, permission);
  return actor;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Browser writes must come from our own pages: Origin (or Referer) must match the host. */
function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin") ?? request.headers.get("referer");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * For route handlers under /api/v1: a bearer API token, or the browser session (whose
 * writes must pass a same-origin check). Throws 401 / 403 as the one error type.
 */
export async function requireRequestActor(request: Request, permission: Permission): Promise<Actor> {
  const authorization = request.headers.get("authorization");
  let actor: Actor | null;
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new AppError("unauthenticated", "Authorization must be `Bearer <token>`.");
    actor = await loadTokenActor(await getDb(), match[1]!);
    if (!actor) throw new AppError("unauthenticated", "The API token is unknown, revoked or expired.");
  } else {
    // No credentials at all: answer without asking next-auth to parse an absent cookie.
    if (!request.headers.get("cookie"))
      throw new AppError("unauthenticated", "Send a bearer API token or sign in.");
    actor = await currentActor();
    if (!actor) throw new AppError("unauthenticated", "Send a bearer API token or sign in.");
    if (!SAFE_METHODS.has(request.method) && !isSameOrigin(request)) {
      throw new AppError("forbidden", "Cross-origin writes with a browser session are refused.");
    }
  }
  assertCan(actor, permission);
  return actor;
}
