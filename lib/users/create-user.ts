import "server-only";
import { sql } from "drizzle-orm";
import { AppError, parseInput } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import type { ServiceContext } from "@/lib/context";
import { users } from "@/lib/db/schema";
import { type UserListItem, userListColumns } from "./list-users";
import { type CreateUserInput, createUserInput } from "./schemas";

function duplicateEmail(email: string): AppError {
  return new AppError("conflict", `A user with the email ${email} already exists.`, { field: "email" });
}

/** Postgres unique_violation, whether thrown directly or wrapped by drizzle. */
function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/**
 * Adds a person with a role and an initial password (stored as a bcrypt hash). Needs
 * users:write; an email already in use, in any letter case, is a 409.
 */
export async function createUser(ctx: ServiceContext, rawInput: CreateUserInput): Promise<UserListItem> {
  assertCan(ctx.actor, "users:write");
  const input = parseInput(createUserInput, rawInput);
  // Hashing is deliberately slow; do it before the transaction holds anything open.
  const passwordHash = await hashPassword(input.password);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [existing] = await tx
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.email}) = ${input.email}`)
        .limit(1);
      if (existing) throw duplicateEmail(input.email);
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, role: input.role, passwordHash })
        .returning(userListColumns);
      if (!user) throw new AppError("internal", "The user was not created.");
      await recordAudit(tx, ctx.actor, {
        action: "user.create",
        targetType: "user",
        targetId: user.id,
        data: { email: user.email, name: user.name, role: user.role },
      });
      return user;
    });
  } catch (error) {
    // Two admins adding the same address at once: the unique index decides.
    if (isUniqueViolation(error)) throw duplicateEmail(input.email);
    throw error;
  }
}
