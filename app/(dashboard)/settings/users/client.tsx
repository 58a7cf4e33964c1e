"use client";

import { useOptimistic, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { ROLES } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/schema/enums";
import type { UserListItem } from "@/lib/users/list-users";
import { formatDate, formatDateTime } from "@/lib/utils/format";
import { NewUserDialog } from "./_components/new-user-dialog";
import { UserTokensDialog } from "./_components/user-tokens-dialog";
import { updateUserAction } from "./actions";

type Change = { id: string; role?: Role; disabled?: boolean };

export type UsersClientProps = {
  users: UserListItem[];
  /** More users exist than the page shows. */
  truncated: boolean;
  currentUserId: string;
  canWrite: boolean;
  roleDescriptions: Record<Role, string>;
};

/** The users table: change roles and disable or re-enable people; add people in a dialog. */
export function UsersClient({
  users,
  truncated,
  currentUserId,
  canWrite,
  roleDescriptions,
}: UsersClientProps) {
  const [optimisticUsers, applyChange] = useOptimistic(users, (current, change: Change) =>
    current.map((u) =>
      u.id === change.id
        ? {
            ...u,
            role: change.role ?? u.role,
            disabledAt: change.disabled === undefined ? u.disabledAt : change.disabled ? new Date() : null,
          }
        : u,
    ),
  );
  const [, startTransition] = useTransition();

  function update(user: UserListItem, change: Change, success: string) {
    startTransition(async () => {
      applyChange(change);
      const result = await updateUserAction(change);
      if (result.ok) toast.success(success);
      else toast.error(`Could not update ${user.name}`, { description: result.error });
    });
  }

  return (
    <section aria-labelledby="users-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h2 id="users-heading" className="font-semibold text-lg">
            Users
          </h2>
          <p className="text-muted-foreground text-sm">
            People who can sign in to Tandem, and what their role lets them do.
          </p>
        </div>
        {canWrite ? <NewUserDialog roleDescriptions={roleDescriptions} /> : null}
      </div>
      {optimisticUsers.length === 0 ? (
        <EmptyState title="No users yet" description="Add the first person with “New user”." />
      ) : (
        <div className="rounded-lg border">
          <Table caption="Users, newest first">
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Email</TableHead>
                <TableHead>Role</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Last sign-in</TableHead>
                <TableHead>Added</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {optimisticUsers.map((user) => {
                const isSelf = user.id === currentUserId;
                const disabled = user.disabledAt !== null;
                const locked = !canWrite || isSelf;
                return (
                  <TableRow key={user.id} data-testid={`user-row-${user.email}`}>
                    <TableCell className="font-medium">
                      {user.name}
                      {isSelf ? <span className="ml-2 text-muted-foreground text-xs">(you)</span> : null}
                    </TableCell>
                    <TableCell>{user.email}</TableCell>
                    <TableCell className="w-40">
                      <NativeSelect
                        aria-label={`Role for ${user.name}`}
                        value={user.role}
                        disabled={locked}
                        title={isSelf ? "Another admin must change your role." : undefined}
                        onChange={(event) => {
                          const role = event.target.value as Role;
                          update(user, { id: user.id, role }, `${user.name} is now ${role}.`);
                        }}
                      >
                        {ROLES.map((role) => (
                          <option key={role} value={role}>
                            {role}
                          </option>
                        ))}
                      </NativeSelect>
                    </TableCell>
                    <TableCell>
                      <Badge variant={disabled ? "neutral" : "success"}>
                        {disabled ? "Disabled" : "Active"}
                      </Badge>
                    </TableCell>
                    <TableCell className="whitespace-nowrap text-muted-foreground">
                      {user.lastSignInAt ? formatDateTime(user.lastSignInAt) : "Never"}
                    </TableCell>
                    <TableCell className="whitespace-nowrap text-muted-foreground">
                      {formatDate(user.createdAt)}
                    </TableCell>
                    <TableCell className="whitespace-nowrap text-right">
                      {locked ? null : <UserTokensDialog userId={user.id} name={user.name} />}
                      {locked ? null : (
                        <Button
                          variant={disabled ? "outline" : "ghost"}
                          size="sm"
                          aria-label={`${disabled ? "Enable" : "Disable"} ${user.name}`}
                          onClick={() =>
                            update(
                              user,
                              { id: user.id, disabled: !disabled },
                              disabled ? `${user.name} can sign in again.` : `${user.name} is disabled.`,
                            )
                          }
                        >
                          {disabled ? "Enable" : "Disable"}
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
      {truncated ? (
        <p className="text-muted-foreground text-sm">
          Showing the newest {optimisticUsers.length} users; use <code>GET /api/v1/users</code> with its
          cursor for the rest.
        </p>
      ) : null}
    </section>
  );
}
