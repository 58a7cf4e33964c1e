import type { Metadata } from "next";
import { can } from "@/lib/auth/actor";
import { requirePageActor } from "@/lib/auth/require";
import { getDb } from "@/lib/db";
import { listEndpoints } from "@/lib/notifications/list-endpoints";
import { toJson } from "@/lib/queries/fetch-json";
import { SettingsNav } from "../_components/settings-nav";
import { NotificationsClient } from "./client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Notifications · Settings" };

export default async function NotificationsPage() {
  const actor = await requirePageActor("connections:read");
  const endpoints = await listEndpoints({ db: await getDb(), actor });
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3">
        <h1 className="font-semibold text-2xl tracking-tight">Settings</h1>
        <SettingsNav />
      </div>
      <NotificationsClient endpoints={toJson(endpoints)} canWrite={can(actor, "connections:write")} />
    </div>
  );
}
