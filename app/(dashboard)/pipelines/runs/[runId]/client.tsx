"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, ExternalLink } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { RunStatusBadge } from "@/components/runs/run-status-badge";
import { PROVIDER_LABEL } from "@/components/runs/runs-table";
import type { Jsonify } from "@/lib/queries/fetch-json";
import { isRunActive, type RunDetailDto, runQueries } from "@/lib/queries/runs";
import type { RunOutputs } from "@/lib/runs/list-run-outputs";
import { formatDuration } from "@/lib/utils/format";
import { RunOutputsSection } from "./_components/run-outputs";
import { RunTimeline } from "./_components/run-timeline";

export type RunDetailClientProps = { initial: RunDetailDto; outputs: Jsonify<RunOutputs> };

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-muted-foreground text-xs">{label}</dt>
      <dd className="truncate text-sm">{children}</dd>
    </div>
  );
}

/** A run's summary and timeline, polling while it is queued or running. */
export function RunDetailClient({ initial, outputs }: RunDetailClientProps) {
  const router = useRouter();
  const { data } = useQuery({ ...runQueries.detail(initial.id), initialData: initial });
  const run = data ?? initial;
  const active = isRunActive(run);
  // Model versions and deployments come with the server render; fetch them again once the run ends.
  const wasActive = useRef(active);
  useEffect(() => {
    if (wasActive.current && !active) router.refresh();
    wasActive.current = active;
  }, [active, router]);

  const title = `${run.pipeline.name}${run.runNumber ? ` #${run.runNumber}` : ""}`;
  const duration = run.startedAt
    ? (run.finishedAt ? Date.parse(run.finishedAt) : Date.now()) - Date.parse(run.startedAt)
    : null;
  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <Link
          href={`/pipelines?pipeline=${run.pipeline.id}`}
          className="inline-flex items-center gap-1 text-muted-foreground text-sm hover:underline"
        >
          <ArrowLeft aria-hidden="true" className="size-3.5" />
          Runs of {run.pipeline.name}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="font-semibold text-2xl tracking-tight">{title}</h1>
          <RunStatusBadge status={run.status} />
          {run.url ? (
            <a
              href={run.url}
              target="_blank"
              rel="noreferrer"
              className="inline-flex items-center gap-1 text-sm hover:underline"
              data-testid="run-provider-link"
            >
              Open in {PROVIDER_LABEL[run.provider]}
              <ExternalLink aria-hidden="true" className="size-3.5" />
            </a>
          ) : null}
        </div>
        {run.title ? <p className="text-muted-foreground text-sm">{run.title}</p> : null}
        {active ? (
          <p className="text-muted-foreground text-xs" data-testid="run-live">
            Refreshing every few seconds while the run is {run.status}.
          </p>
        ) : null}
      </div>
      <dl className="grid grid-cols-2 gap-4 rounded-lg border p-4 md:grid-cols-4" data-testid="run-facts">
        <Fact label="Commit">
          <span className="font-mono">{run.commitSha ? run.commitSha.slice(0, 12) : "—"}</span>
        </Fact>
        <Fact label="Branch">
          <span className="font-mono">{run.branch ?? "—"}</span>
        </Fact>
        <Fact label="Actor">{run.actor ?? "—"}</Fact>
        <Fact label="Trigger">{run.trigger ?? "—"}</Fact>
        <Fact label="Pipeline">
          <Link href={`/pipelines/${run.pipeline.id}`} className="hover:underline">
            {run.pipeline.name}
          </Link>{" "}
          <span className="text-muted-foreground">({run.pipeline.kind})</span>
        </Fact>
        <Fact label="Project">{run.projectSlug}</Fact>
        <Fact label="Queued">
          <time dateTime={run.queuedAt}>{new Date(run.queuedAt).toLocaleString()}</time>
        </Fact>
        <Fact label="Duration">
          <span suppressHydrationWarning>{formatDuration(duration)}</span>
        </Fact>
      </dl>
      <RunTimeline run={run} />
      <RunOutputsSection outputs={outputs} />
    </div>
  );
}
