import type { Metadata } from "next";
import { can } from "@/lib/auth/actor";
import { requirePageActor } from "@/lib/auth/require";
import { listConnections } from "@/lib/connections/list-connections";
import { getDb } from "@/lib/db";
import { listProjects } from "@/lib/projects/list-projects";
import { toJson } from "@/lib/queries/fetch-json";
import { SettingsNav } from "../_components/settings-nav";
import { ConnectionsClient } from "./client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Connections · Settings" };

export default async function ConnectionsPage() {
  const actor = await requirePageActor("connections:read");
  const ctx = { db: await getDb(), actor };
  const [connections, projects] = await Promise.all([listConnections(ctx), listProjects(ctx)]);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3">
        <h1 className="font-semibold text-2xl tracking-tight">Settings</h1>
        <SettingsNav />
      </div>
      <ConnectionsClient
        connections={toJson(connections)}
        projects={projects.map((p) => ({ id: p.id, name: p.name }))}
        canWrite={can(actor, "connections:write")}
      />
    </div>
  );
}
