import type { users } from "@/lib/db/schema";
import { DEMO_ACCOUNTS, type DemoAccount } from "./demo-accounts";
import type { Random } from "./random";
import { DAY, HISTORY_DAYS, HOUR, MINUTE } from "./time";

export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from "./demo-accounts";

export type UserRow = typeof users.$inferInsert & { id: string };
export type DemoUser = DemoAccount & { id: string };

/** The demo cast by part they play in the story. */
export type DemoUsers = {
  admin: DemoUser;
  approver: DemoUser;
  approver2: DemoUser;
  engineer: DemoUser;
  viewer: DemoUser;
  all: DemoUser[];
};

/** bcrypt is loaded on call so the account list stays importable from client code. */
export async function hashDemoPassword(password: string): Promise<string> {
  const { hashPassword } = await import("@/lib/auth/password");
  return hashPassword(password);
}

/**
 * One row per demo account. All share one bcrypt hash: the password is public anyway and
 * hashing once keeps the seed fast.
 */
export function planUsers(
  random: Random,
  now: number,
  passwordHash: string,
): { rows: UserRow[]; cast: DemoUsers } {
  const all = DEMO_ACCOUNTS.map((account) => ({ ...account, id: random.uuid() }));
  const createdAt = new Date(now - HISTORY_DAYS * DAY - 2 * DAY);
  const rows = all.map((user, index) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    passwordHash,
    // Everyone but the viewer signed in recently, so the people list looks used.
    lastSignInAt: user.role === "viewer" ? null : new Date(now - random.int(5, 20 * 60) * MINUTE),
    createdAt: new Date(createdAt.getTime() + index * 3 * MINUTE),
    updatedAt: new Date(createdAt.getTime() + index * 3 * MINUTE + HOUR),
  }));
  const byEmail = (prefix: string) => all.find((u) => u.email.startsWith(`${prefix}@`))!;
  return {
    rows,
    cast: {
      admin: byEmail("admin"),
      approver: byEmail("approver"),
      approver2: byEmail("approver2"),
      engineer: byEmail("engineer"),
      viewer: byEmail("viewer"),
      all,
    },
  };
}
