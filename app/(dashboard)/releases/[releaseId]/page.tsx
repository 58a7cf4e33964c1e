import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CommitList } from "@/components/gates/commit-list";
import { BreadcrumbLabel } from "@/components/layout/breadcrumb-labels";
import { ReleaseContents } from "@/components/releases/release-contents";
import { ReleaseEnvironments } from "@/components/releases/release-environments";
import { ReleasePromote } from "@/components/releases/release-promote";
import { ReleaseRequests } from "@/components/releases/release-requests";
import type { ReleaseDetailDto } from "@/components/releases/types";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { isAppError } from "@/lib/api/errors";
import { can } from "@/lib/auth/actor";
import { requirePageActor } from "@/lib/auth/require";
import { getDb } from "@/lib/db";
import { toJson } from "@/lib/queries/fetch-json";
import { getRelease } from "@/lib/releases/get-release";
import { requestPromotionAction } from "../../approvals/request-actions";

export const metadata: Metadata = { title: "Release" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ releaseId: string }> };

/**
 * One release: what it bundles, where it runs and went, who asked to promote it, and what it
 * adds to production. Rendered on the server; the promotion dialog refreshes it.
 */
export default async function ReleasePage({ params }: Props) {
  const actor = await requirePageActor("deployments:read");
  const { releaseId } = await params;
  const detail = await getRelease({ db: await getDb(), actor }, { id: releaseId }).catch((error: unknown) => {
    // Unknown, malformed, or outside the person's projects: the same 404 page.
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const release: ReleaseDetailDto = toJson(detail);
  const production = release.production;
  return (
    <div className="space-y-6">
      <BreadcrumbLabel segment={releaseId} label={release.version} />
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <p className="text-muted-foreground text-sm">
            <Link href={`/releases?project=${release.projectSlug}`} className="hover:underline">
              {release.projectName} releases
            </Link>
          </p>
          <h1 className="font-mono font-semibold text-2xl tracking-tight">{release.version}</h1>
        </div>
        {can(actor, "promotions:request") ? (
          <ReleasePromote
            releaseId={release.id}
            projectId={release.projectId}
            version={release.version}
            environments={release.environments}
            canDeclareEmergency={can(actor, "gates:write")}
            action={requestPromotionAction}
          />
        ) : null}
      </div>
      <ReleaseContents release={release} />
      <ReleaseEnvironments releaseId={release.id} environments={release.environments} />
      <ReleaseRequests requests={release.promotionRequests} now={new Date().toISOString()} />
      <Card>
        <CardHeader>
          <CardTitle>Commits since production</CardTitle>
          <CardDescription>
            {production?.version
              ? `What this release adds to ${production.version}, running in ${production.name}.`
              : "Nothing runs in production yet to compare with."}
          </CardDescription>
        </CardHeader>
        <CardContent>
          {production?.releaseId === release.id ? (
            <p className="text-muted-foreground text-sm">This release is what runs in production now.</p>
          ) : production?.isNewer ? (
            <p className="text-muted-foreground text-sm">
              Production runs a newer release; promoting this one would take it back.
            </p>
          ) : production?.releaseId ? (
            <CommitList data={release.commitsSinceProduction} />
          ) : null}
        </CardContent>
      </Card>
    </div>
  );
}
