import { randomUUID } from "node:crypto";
import { type Actor, loadSessionActor } from "@/lib/auth/actor";
import type { Database, Executor, Transaction } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import type { Role } from "@/lib/db/schema/enums";

/**
 * Test factories for people. Integration tests only: rows are inserted directly, then
 * loaded the way a request would load them.
 */

export type UserFactoryInput = { role?: Role; email?: string; name?: string; disabled?: boolean };

/** Inserts a user and returns the row with its session actor (null when created disabled). */
export async function insertUser(db: Executor, input: UserFactoryInput = {}) {
  const key = randomUUID().slice(0, 8);
  const [user] = await db
    .insert(users)
    .values({
      email: input.email ?? `${input.role ?? "viewer"}-${key}@example.test`,
      name: input.name ?? `${input.role ?? "viewer"} ${key}`,
      role: input.role ?? "viewer",
      disabledAt: input.disabled ? new Date() : null,
    })
    .returning();
  if (!user) throw new Error("insertUser: no row returned");
  return user;
}

/** Inserts an enabled user with this role and returns their session actor. */
export async function actorWithRole(db: Executor, role: Role, input: Omit<UserFactoryInput, "role"> = {}) {
  const user = await insertUser(db, { ...input, role });
  const actor = await loadSessionActor(db, user.id);
  if (!actor) throw new Error("actorWithRole: the user did not load as an actor");
  return actor satisfies Actor;
}

class Rollback extends Error {}

/**
 * Runs a test body inside a transaction that is always rolled back, so tests sharing one
 * database never see each other's rows. Verbs nest their own transactions as savepoints.
 */
export async function inRollback(db: Database, body: (tx: Transaction) => Promise<void>): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      await body(tx);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
}
