import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { BreadcrumbLabel } from "@/components/layout/breadcrumb-labels";
import { isAppError } from "@/lib/api/errors";
import { can } from "@/lib/auth/actor";
import { requirePageActor } from "@/lib/auth/require";
import { getConnection } from "@/lib/connections/get-connection";
import { getConnectionHealth } from "@/lib/connections/get-connection-health";
import { listDeliveries } from "@/lib/connections/list-deliveries";
import { publicOrigin } from "@/lib/connections/public-origin";
import { getDb } from "@/lib/db";
import { listProjects } from "@/lib/projects/list-projects";
import { toJson } from "@/lib/queries/fetch-json";
import { getSyncStatus } from "@/lib/sync/get-sync-status";
import { SettingsNav } from "../../_components/settings-nav";
import { ConnectionDetailClient } from "./client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Connection · Settings" };

type Props = { params: Promise<{ id: string }> };

export default async function ConnectionPage({ params }: Props) {
  const actor = await requirePageActor("connections:read");
  const { id } = await params;
  const ctx = { db: await getDb(), actor };
  const origin = publicOrigin(await headers());
  const data = await Promise.all([
    getConnection(ctx, { id, origin }),
    getConnectionHealth(ctx, { id }),
    listDeliveries(ctx, { id, limit: 25 }),
    listProjects(ctx),
    getSyncStatus(ctx, id),
  ]).catch((error: unknown) => {
    // An unknown id or one that is not a uuid at all: the same 404 page.
    if (isAppError(error) && (error.code === "not_found" || error.code === "invalid_request")) notFound();
    throw error;
  });
  const [connection, health, deliveries, projects, sync] = data;
  return (
    <div className="flex flex-col gap-6">
      <BreadcrumbLabel segment={id} label={connection.name} />
      <div className="flex flex-col gap-3">
        <h1 className="font-semibold text-2xl tracking-tight">Settings</h1>
        <SettingsNav />
      </div>
      <ConnectionDetailClient
        connection={toJson(connection)}
        health={toJson(health)}
        deliveries={toJson(deliveries)}
        sync={toJson(sync)}
        projects={projects.map((p) => ({ id: p.id, name: p.name }))}
        canWrite={can(actor, "connections:write")}
      />
    </div>
  );
}
