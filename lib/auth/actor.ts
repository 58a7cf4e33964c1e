import { and, eq, isNull, sql } from "drizzle-orm";
import { AppError } from "@/lib/api/errors";
import type { Executor } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import type { Role } from "@/lib/db/schema/enums";
import { type Permission, ROLE_PERMISSIONS } from "./permissions";

/** Who is acting, re-read from the database on every request (never from a stale token). */
export type Actor = {
  userId: string;
  email: string;
  name: string;
  role: Role;
  via: "session" | "token" | "system";
  tokenId?: string;
  /** What this actor may do now: the role's permissions, narrowed by token scopes. */
  permissions: ReadonlySet<Permission>;
  /** null: every project; otherwise only these (API tokens limited to projects). */
  projectIds: readonly string[] | null;
};

/** The actor for background jobs: may do everything, recorded in the audit log as "system". */
export function systemActor(job: string): Actor {
  return {
    userId: "00000000-0000-0000-0000-000000000000",
    email: "system",
    name: `system (${job})`,
    role: "admin",
    via: "system",
    permissions: ROLE_PERMISSIONS.admin,
    projectIds: null,
  };
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

/** The 403 for a missing permission, saying whether the role or the token's scopes lack it. */
export function forbiddenFor(actor: Actor, permission: Permission): AppError {
  const who =
    actor.via === "token"
      ? "This token's scopes (or its owner's role) do not"
      : `Your role (${actor.role}) does not`;
  return new AppError("forbidden", `${who} allow ${permission}.`, { permission });
}

/** Throws 403 unless the actor holds the permission. */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw forbiddenFor(actor, permission);
}

/** Throws 404 (not 403, to avoid leaking existence) when a token is limited to other projects. */
export function assertProjectVisible(actor: Actor, projectId: string): void {
  if (actor.projectIds && !actor.projectIds.includes(projectId)) {
    throw new AppError("not_found", "Project not found.");
  }
}

/** Loads an enabled user as a session actor, or null when missing or disabled. */
export async function loadSessionActor(db: Executor, userId: string): Promise<Actor | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)))
    .limit(1);
  if (!user) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    via: "session",
    permissions: ROLE_PERMISSIONS[user.role],
    projectIds: null,
  };
}

export async function findUserByEmail(db: Executor, email: string) {
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`).limit(1);
  return user ?? null;
}
