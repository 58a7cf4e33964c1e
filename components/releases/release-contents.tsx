import { ArrowDown, ArrowUp, ExternalLink } from "lucide-react";
import Link from "next/link";
import { RunStatusBadge } from "@/components/runs/run-status-badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDateTime } from "@/lib/utils/format";
import type { ReleaseDetailDto } from "./types";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-muted-foreground text-xs">{label}</dt>
      <dd className="break-all text-sm">{children}</dd>
    </div>
  );
}

function BuildRun({ run }: { run: NonNullable<ReleaseDetailDto["buildRun"]> }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Link
        href={`/pipelines/runs/${run.id}`}
        className="font-medium hover:underline focus-visible:outline-2 focus-visible:outline-ring"
      >
        {run.pipelineName}
        {run.runNumber === null ? "" : ` #${run.runNumber}`}
      </Link>
      <RunStatusBadge status={run.status} />
      {run.branch ? <span className="font-mono text-muted-foreground text-xs">{run.branch}</span> : null}
    </span>
  );
}

/** What the release bundles: the build (commit, artifact, CI run) and its model versions. */
export function ReleaseContents({ release }: { release: ReleaseDetailDto }) {
  return (
    <Card data-testid="release-contents">
      <CardHeader>
        <CardTitle>Contents</CardTitle>
        <CardDescription>The software build and the model versions that go out with it.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-6">
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Fact label="Commit">
            <span className="font-mono">{release.commitSha ?? "—"}</span>
          </Fact>
          <Fact label="Artifact">
            <span className="font-mono">{release.artifactUri ?? "—"}</span>
          </Fact>
          <Fact label="Build run">{release.buildRun ? <BuildRun run={release.buildRun} /> : "—"}</Fact>
          <Fact label="Created">
            <time dateTime={release.createdAt}>{formatDateTime(release.createdAt)}</time>
            {release.createdBy ? ` by ${release.createdBy}` : ""}
          </Fact>
          {release.buildRun?.url ? (
            <Fact label="In the provider">
              <a
                href={release.buildRun.url}
                target="_blank"
                rel="noreferrer"
                className="inline-flex items-center gap-1 hover:underline"
              >
                Open the build
                <ExternalLink aria-hidden="true" className="size-3" />
                <span className="sr-only">(opens in a new tab)</span>
              </a>
            </Fact>
          ) : null}
        </dl>
        <section aria-labelledby="release-model-versions">
          <h3 id="release-model-versions" className="mb-2 font-semibold text-sm">
            Model versions
          </h3>
          {release.modelVersions.length === 0 ? (
            <p className="text-muted-foreground text-sm">No model version ships with this release.</p>
          ) : (
            <ul
              className="flex flex-col divide-y rounded-lg border text-sm"
              data-testid="release-model-versions"
            >
              {release.modelVersions.map((v) => {
                const Arrow = v.primaryMetricDirection === "higher" ? ArrowUp : ArrowDown;
                return (
                  <li key={v.id} className="flex flex-wrap items-baseline justify-between gap-3 px-3 py-2">
                    <Link
                      href={`/models/${v.modelId}/versions/${v.version}`}
                      className="font-medium hover:underline focus-visible:outline-2 focus-visible:outline-ring"
                    >
                      {v.modelName} v{v.version}
                    </Link>
                    <span className="inline-flex items-center gap-1 font-mono text-xs">
                      {v.primaryMetric ? (
                        <>
                          {v.primaryMetric}
                          <Arrow aria-hidden="true" className="size-3 text-muted-foreground" />
                          <span className="sr-only">({v.primaryMetricDirection} is better)</span>
                          <span className="tabular-nums">{v.primaryMetricValue ?? "not logged"}</span>
                        </>
                      ) : (
                        <span className="font-sans text-muted-foreground">No primary metric</span>
                      )}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </CardContent>
    </Card>
  );
}
