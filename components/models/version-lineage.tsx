import { ChevronRight, ExternalLink, Undo2 } from "lucide-react";
import Link from "next/link";
import type * as React from "react";
import type { VersionPageDto } from "@/app/(dashboard)/models/[modelId]/versions/[version]/client";
import { DeploymentStatusBadge } from "@/components/deployments/deployment-status-badge";
import { PromotionStatusBadge } from "@/components/gates/promotion-status-badge";
import { RunStatusBadge } from "@/components/runs/run-status-badge";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/utils/format";

/** The newest deployments shown in the chain; the deployments list has every one. */
const DEPLOYMENTS_SHOWN = 10;

const PROVIDER = {
  github: "GitHub",
  gitlab: "GitLab",
  azure_devops: "Azure DevOps",
  generic: "the provider",
};

const link =
  "rounded-sm underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-ring";

function When({ at }: { at: string }) {
  return (
    <time dateTime={at} className="text-muted-foreground text-xs">
      {formatDateTime(at)}
    </time>
  );
}

function Outside({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noreferrer" className={`inline-flex items-center gap-1 ${link}`}>
      {children}
      <ExternalLink aria-hidden="true" className="size-3" />
      <span className="sr-only">(opens at the provider)</span>
    </a>
  );
}

function Step(props: { title: string; testId: string; last?: boolean; children: React.ReactNode }) {
  const { title, testId, last = false, children } = props;
  return (
    <li className="flex min-w-0 flex-1 items-stretch gap-2" data-testid={testId}>
      <div className="flex min-w-0 flex-1 flex-col gap-2 rounded-lg border bg-card p-3">
        <h3 className="font-medium text-muted-foreground text-xs uppercase tracking-wide">{title}</h3>
        <div className="flex min-w-0 flex-col gap-2 text-sm">{children}</div>
      </div>
      {last ? null : (
        <ChevronRight
          aria-hidden="true"
          className="hidden size-4 shrink-0 self-center text-muted-foreground xl:block"
        />
      )}
    </li>
  );
}

/**
 * Where the version came from and where it went, as a chain of links: commit → training run →
 * this version → promotion requests → deployments.
 */
export function VersionLineage({ page }: { page: VersionPageDto }) {
  const v = page.version;
  const run = v.lineage.sourceRun;
  const sha = v.lineage.commitSha;
  return (
    <section aria-labelledby="version-lineage" className="space-y-3">
      <h2 id="version-lineage" className="font-semibold text-lg">
        Lineage
      </h2>
      <ol className="flex flex-col gap-3 xl:flex-row" data-testid="version-lineage">
        <Step title="Commit" testId="lineage-commit">
          {sha ? (
            <span className="font-mono text-xs" title={sha}>
              {page.commitUrl ? (
                <Outside href={page.commitUrl}>{sha.slice(0, 10)}</Outside>
              ) : (
                sha.slice(0, 10)
              )}
            </span>
          ) : (
            <span className="text-muted-foreground">Not recorded</span>
          )}
          {run?.branch ? <span className="font-mono text-muted-foreground text-xs">{run.branch}</span> : null}
        </Step>
        <Step title="Training run" testId="lineage-run">
          {run ? (
            <>
              <Link href={`/pipelines/runs/${run.id}`} className={link}>
                {run.pipeline.name}
                {run.runNumber === null ? "" : ` #${run.runNumber}`}
              </Link>
              <span className="flex flex-wrap items-center gap-2">
                <RunStatusBadge status={run.status} />
                <When at={run.queuedAt} />
              </span>
              {run.url ? <Outside href={run.url}>Open in {PROVIDER[run.provider]}</Outside> : null}
            </>
          ) : (
            <span className="text-muted-foreground">Registered without a run</span>
          )}
        </Step>
        <Step title="Version" testId="lineage-version">
          <span aria-current="page" className="font-medium font-mono">
            {page.model.name} v{v.version}
          </span>
          <When at={v.createdAt} />
        </Step>
        <Step title="Promotion requests" testId="lineage-promotions">
          {page.promotions.length === 0 ? (
            <span className="text-muted-foreground">None yet</span>
          ) : (
            <ul className="flex flex-col gap-2">
              {page.promotions.map((p) => (
                <li key={p.id} className="flex flex-col gap-1" data-testid="lineage-promotion">
                  <Link href={`/approvals/${p.id}`} className={link}>
                    {p.isRollback ? "Roll back in " : "To "}
                    {p.environmentName}
                    {p.emergency ? " (emergency)" : ""}
                  </Link>
                  <span className="flex flex-wrap items-center gap-2">
                    <PromotionStatusBadge
                      status={p.status}
                      expired={p.status === "pending" && Date.parse(p.expiresAt) < Date.now()}
                    />
                    <span className="text-muted-foreground text-xs">by {p.requestedBy}</span>
                  </span>
                  <When at={p.createdAt} />
                </li>
              ))}
              {page.promotionsMore ? (
                <li>
                  <Link href={`/approvals?project=${page.model.projectSlug}`} className={`text-xs ${link}`}>
                    Older requests in Approvals
                  </Link>
                </li>
              ) : null}
            </ul>
          )}
        </Step>
        <Step title="Deployments" testId="lineage-deployments" last>
          {v.deployments.length === 0 ? (
            <span className="text-muted-foreground">Never deployed</span>
          ) : (
            <ul className="flex flex-col gap-2">
              {v.deployments.slice(0, DEPLOYMENTS_SHOWN).map((d) => (
                <li key={d.id} className="flex flex-col gap-1" data-testid="lineage-deployment">
                  <span className="flex flex-wrap items-center gap-2">
                    {d.url ? <Outside href={d.url}>{d.environmentName}</Outside> : d.environmentName}
                    <DeploymentStatusBadge status={d.status} />
                    {d.current ? <Badge variant="success">running now</Badge> : null}
                    {d.isRollback ? (
                      <span className="inline-flex items-center gap-0.5 text-warning text-xs">
                        <Undo2 aria-hidden="true" className="size-3" />
                        rollback
                      </span>
                    ) : null}
                  </span>
                  <span className="text-xs">
                    <When at={d.startedAt} />
                    {d.actor ? <span className="text-muted-foreground"> · {d.actor}</span> : null}
                  </span>
                </li>
              ))}
              {v.deployments.length > DEPLOYMENTS_SHOWN ? (
                <li>
                  <Link href={`/deployments?project=${page.model.projectSlug}`} className={`text-xs ${link}`}>
                    Older deployments in Deployments
                  </Link>
                </li>
              ) : null}
            </ul>
          )}
        </Step>
      </ol>
    </section>
  );
}
