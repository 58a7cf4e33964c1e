import { ExternalLink, Undo2 } from "lucide-react";
import Link from "next/link";
import { DeploymentStatusBadge } from "@/components/deployments/deployment-status-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDateTime, formatRelativeTime } from "@/lib/utils/format";
import type { ReleaseEnvironmentDto } from "./types";

function Environment({ env, releaseId }: { env: ReleaseEnvironmentDto; releaseId: string }) {
  return (
    <section
      aria-label={`${env.name} environment`}
      className="flex min-w-56 flex-1 flex-col gap-2 rounded-lg bg-muted/40 p-3"
      data-testid={`release-env-${env.slug}`}
    >
      <header className="flex items-center justify-between gap-2">
        <h3 className="font-semibold text-sm">{env.name}</h3>
        {env.runsHere ? <Badge variant={env.isProduction ? "success" : "info"}>Runs here now</Badge> : null}
      </header>
      <p className="text-muted-foreground text-xs">
        {env.current === null ? (
          "No release runs here."
        ) : env.current.releaseId === releaseId ? (
          <>
            Since{" "}
            <time
              dateTime={env.current.deployedAt}
              title={formatDateTime(env.current.deployedAt)}
              suppressHydrationWarning
            >
              {formatRelativeTime(env.current.deployedAt)}
            </time>
          </>
        ) : (
          <>
            Runs{" "}
            <Link href={`/releases/${env.current.releaseId}`} className="font-mono hover:underline">
              {env.current.version}
            </Link>{" "}
            now
          </>
        )}
      </p>
      {env.deployments.length === 0 ? (
        <p className="text-sm">Never deployed here.</p>
      ) : (
        <ol className="flex flex-col gap-1 text-xs" aria-label={`Deployments to ${env.name}`}>
          {env.deployments.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center gap-2">
              <DeploymentStatusBadge status={d.status} />
              {d.isRollback ? (
                <span className="inline-flex items-center gap-0.5 text-warning">
                  <Undo2 aria-hidden="true" className="size-3" />
                  rollback
                </span>
              ) : null}
              <time dateTime={d.startedAt} title={formatDateTime(d.startedAt)} suppressHydrationWarning>
                {formatRelativeTime(d.startedAt)}
              </time>
              {d.actor ? <span className="text-muted-foreground">{d.actor}</span> : null}
              {d.promotionRequestId ? (
                <Link href={`/approvals/${d.promotionRequestId}`} className="hover:underline">
                  request
                </Link>
              ) : null}
              {d.url ? (
                <a
                  href={d.url}
                  target="_blank"
                  rel="noreferrer"
                  className="inline-flex items-center gap-0.5 hover:underline"
                >
                  log
                  <ExternalLink aria-hidden="true" className="size-3" />
                  <span className="sr-only">(opens in a new tab)</span>
                </a>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The project's environments in promotion order: what runs in each, and this release's deployments there. */
export function ReleaseEnvironments({
  releaseId,
  environments,
}: {
  releaseId: string;
  environments: ReleaseEnvironmentDto[];
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Deployments</CardTitle>
        <CardDescription>
          Each environment in promotion order, newest deployment of this release first.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {environments.length === 0 ? (
          <p className="text-muted-foreground text-sm">The project has no environments yet.</p>
        ) : (
          <div className="flex gap-3 overflow-x-auto" data-testid="release-environments">
            {environments.map((env) => (
              <Environment key={env.id} env={env} releaseId={releaseId} />
            ))}
          </div>
        )}
      </CardContent>
    </Card>
  );
}
