import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { AppError, parseInput } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import { users } from "@/lib/db/schema";
import { type UserListItem, userListColumns } from "./list-users";
import { type UpdateUserInput, updateUserInput } from "./schemas";

/**
 * Changes a user's role and/or disables or re-enables them. Needs users:write. An admin
 * may not disable or demote themself, and the last enabled admin stays an enabled admin
 * (409). Nothing changes, and nothing is audited, when the values are already as asked.
 */
export async function updateUser(ctx: ServiceContext, rawInput: UpdateUserInput): Promise<UserListItem> {
  assertCan(ctx.actor, "users:write");
  const input = parseInput(updateUserInput, rawInput);
  return ctx.db.transaction(async (tx) => {
    // Lock every enabled admin first (always in id order, so concurrent updates cannot
    // deadlock); a concurrent demotion then waits here and re-counts after we commit.
    const enabledAdmins = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "admin"), isNull(users.disabledAt)))
      .orderBy(asc(users.id))
      .for("update");
    const [target] = await tx.select(userListColumns).from(users).where(eq(users.id, input.id)).for("update");
    if (!target) throw new AppError("not_found", "User not found.");

    const before = { role: target.role, disabled: target.disabledAt !== null };
    const after = { role: input.role ?? before.role, disabled: input.disabled ?? before.disabled };
    if (before.role === after.role && before.disabled === after.disabled) return target;

    if (target.id === ctx.actor.userId) {
      if (after.disabled) throw new AppError("conflict", "You cannot disable your own account.");
      if (before.role === "admin" && after.role !== "admin") {
        throw new AppError("conflict", "You cannot remove your own admin role; ask another admin.");
      }
    }
    const wasEnabledAdmin = before.role === "admin" && !before.disabled;
    const staysEnabledAdmin = after.role === "admin" && !after.disabled;
    if (wasEnabledAdmin && !staysEnabledAdmin && !enabledAdmins.some((a) => a.id !== target.id)) {
      throw new AppError(
        "conflict",
        `${target.email} is the last enabled admin; make someone else an admin first.`,
      );
    }

    const now = nowOf(ctx);
    const [updated] = await tx
      .update(users)
      .set({
        role: after.role,
        disabledAt: after.disabled ? (target.disabledAt ?? now) : null,
        updatedAt: now,
      })
      .where(eq(users.id, target.id))
      .returning(userListColumns);
    if (!updated) throw new AppError("not_found", "User not found.");
    await recordAudit(tx, ctx.actor, {
      action: "user.update",
      targetType: "user",
      targetId: target.id,
      data: { email: target.email, before, after },
    });
    return updated;
  });
}
