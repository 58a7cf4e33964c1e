import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { can } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/require";
import { getDb } from "@/lib/db";
import { countPendingPromotions } from "@/lib/gates/count-pending-promotions";
import { listProjects } from "@/lib/projects/list-projects";

export const dynamic = "force-dynamic";

/** The signed-in frame. Pages still check their own permission: a layout is not a guard. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  const ctx = { db: await getDb(), actor };
  const [projects, approvalsCount] = await Promise.all([
    listProjects(ctx),
    can(actor, "promotions:approve") ? countPendingPromotions(ctx) : Promise.resolve(undefined),
  ]);
  return (
    <AppShell
      user={{ name: actor.name, email: actor.email, role: actor.role }}
      projects={projects.map((p) => ({ slug: p.slug, name: p.name }))}
      approvalsCount={approvalsCount}
      canSeeSettings={can(actor, "settings:read")}
      canSeeAudit={can(actor, "audit:read")}
    >
      {children}
    </AppShell>
  );
}
