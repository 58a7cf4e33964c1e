import "server-only";
import { desc } from "drizzle-orm";
import { parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { afterCursor, decodeCursor, type Page, toPage } from "@/lib/db/keyset";
import { users } from "@/lib/db/schema";
import type { Role } from "@/lib/db/schema/enums";
import { type ListUsersInput, listUsersInput } from "./schemas";

/** A person as the user-management screens and `GET /api/v1/users` show them (never the password hash). */
export type UserListItem = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabledAt: Date | null;
  lastSignInAt: Date | null;
  createdAt: Date;
};

/** The columns every user verb returns; kept here so no verb ever selects `passwordHash` by accident. */
export const userListColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabledAt: users.disabledAt,
  lastSignInAt: users.lastSignInAt,
  createdAt: users.createdAt,
};

/** Every user, newest first, one keyset page at a time. Needs users:read. */
export async function listUsers(
  ctx: ServiceContext,
  rawInput: ListUsersInput = {},
): Promise<Page<UserListItem>> {
  assertCan(ctx.actor, "users:read");
  const input = parseInput(listUsersInput, rawInput);
  const cursor = decodeCursor(input.cursor);
  const rows = await ctx.db
    .select(userListColumns)
    .from(users)
    .where(afterCursor(users.createdAt, users.id, cursor))
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, (row) => ({ at: row.createdAt, id: row.id }));
}
