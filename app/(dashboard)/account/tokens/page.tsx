import type { Metadata } from "next";
import { can } from "@/lib/auth/actor";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/require";
import { getDb } from "@/lib/db";
import { listProjects } from "@/lib/projects/list-projects";
import { listTokens } from "@/lib/tokens/list-tokens";
import { TokensClient } from "./client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const actor = await requirePageActor("tokens:manage");
  const ctx = { db: await getDb(), actor };
  const [tokens, projects] = await Promise.all([
    listTokens(ctx),
    can(actor, "projects:read") ? listProjects(ctx) : Promise.resolve([]),
  ]);
  // The same rule createToken enforces: a token can only carry what its owner may do now.
  const allowedScopes = PERMISSIONS.filter((permission) => can(actor, permission));
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="font-semibold text-2xl tracking-tight">API tokens</h1>
        <p className="max-w-2xl text-muted-foreground text-sm">
          Tokens let scripts and CI call the Tandem API as you. Send one as{" "}
          <code className="rounded bg-muted px-1 py-0.5 text-xs">Authorization: Bearer &lt;token&gt;</code>. A
          token can never do more than your role allows today.
        </p>
      </div>
      <TokensClient
        tokens={tokens}
        allowedScopes={allowedScopes}
        projects={projects.map((p) => ({ id: p.id, name: p.name }))}
      />
    </div>
  );
}
