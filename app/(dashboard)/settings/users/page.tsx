import type { Metadata } from "next";
import { can } from "@/lib/auth/actor";
import { ROLE_DESCRIPTIONS } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/require";
import { getDb } from "@/lib/db";
import { listUsers } from "@/lib/users/list-users";
import { SettingsNav } from "../_components/settings-nav";
import { UsersClient } from "./client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users · Settings" };

/** How many users the page shows at once; beyond that, use the API's cursor. */
const PAGE_LIMIT = 500;

export default async function UsersPage() {
  const actor = await requirePageActor("users:read");
  const page = await listUsers({ db: await getDb(), actor }, { limit: PAGE_LIMIT });
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3">
        <h1 className="font-semibold text-2xl tracking-tight">Settings</h1>
        <SettingsNav />
      </div>
      <UsersClient
        users={page.items}
        truncated={page.nextCursor !== null}
        currentUserId={actor.userId}
        canWrite={can(actor, "users:write")}
        roleDescriptions={ROLE_DESCRIPTIONS}
      />
    </div>
  );
}
