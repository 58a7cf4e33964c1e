import { ExternalLink } from "lucide-react";
import type { PromotionCurrentDto, PromotionSubjectDto } from "@/lib/queries/promotions";
import type { CommitsBetweenDto } from "@/lib/queries/release-commits";
import { EMPTY_VALUE, formatDateTime } from "@/lib/utils/format";
import { CommitList } from "./commit-list";

type CiRun = PromotionSubjectDto["ciRun"];
type ReleaseSubject = Omit<Extract<PromotionSubjectDto, { kind: "release" }>, "ciRun">;

function CiRunLine({ run }: { run: CiRun }) {
  if (!run) return <span className="text-muted-foreground">No CI run reported</span>;
  const name = `${run.pipelineName}${run.runNumber === null ? "" : ` #${run.runNumber}`}`;
  return (
    <span className="inline-flex items-center gap-1">
      {run.url ? (
        <a
          href={run.url}
          className="inline-flex items-center gap-1 underline-offset-4 hover:underline"
          target="_blank"
          rel="noreferrer"
        >
          {name}
          <ExternalLink aria-hidden="true" className="size-3" />
        </a>
      ) : (
        name
      )}
      <span
        className={
          run.status === "succeeded"
            ? "text-success"
            : run.status === "failed"
              ? "text-destructive"
              : undefined
        }
      >
        {run.status}
      </span>
    </span>
  );
}

function Column({
  title,
  release,
  ciRun,
  note,
}: {
  title: string;
  release: ReleaseSubject | null;
  ciRun: CiRun;
  note?: string;
}) {
  return (
    <div className="flex min-w-0 flex-1 flex-col gap-2 rounded-lg border p-4">
      <p className="text-muted-foreground text-xs uppercase tracking-wide">{title}</p>
      {release ? (
        <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1.5 text-sm">
          <dt className="text-muted-foreground">Version</dt>
          <dd className="font-medium font-mono">{release.version}</dd>
          <dt className="text-muted-foreground">Commit</dt>
          <dd className="font-mono" title={release.commitSha ?? undefined}>
            {release.commitSha?.slice(0, 10) ?? EMPTY_VALUE}
          </dd>
          <dt className="text-muted-foreground">CI</dt>
          <dd>
            <CiRunLine run={ciRun} />
          </dd>
          <dt className="text-muted-foreground">Built</dt>
          <dd>{formatDateTime(release.createdAt)}</dd>
          {release.artifactUri ? (
            <>
              <dt className="text-muted-foreground">Artifact</dt>
              <dd className="truncate font-mono text-xs" title={release.artifactUri}>
                {release.artifactUri}
              </dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p className="text-muted-foreground text-sm">{note}</p>
      )}
    </div>
  );
}

/** A release against the release running in the environment now, side by side. */
export function ReleaseCompare({
  candidate,
  current,
  environmentName,
  commits,
}: {
  candidate: ReleaseSubject & { ciRun: CiRun };
  current: PromotionCurrentDto | null;
  environmentName: string;
  /** Omitted: no commit list at all (e.g. nothing runs there to compare with). */
  commits?: CommitsBetweenDto | null;
}) {
  const running = current?.subject.kind === "release" ? current.subject : null;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-3 sm:flex-row" data-testid="release-compare">
        <Column title="Candidate" release={candidate} ciRun={candidate.ciRun} />
        <Column
          title={`In ${environmentName} now`}
          release={running}
          ciRun={current?.ciRun ?? null}
          note={`No release runs in ${environmentName} yet.`}
        />
      </div>
      {commits !== undefined && running ? <CommitList data={commits} /> : null}
    </div>
  );
}
