import { ExternalLink } from "lucide-react";
import type { CommitsBetweenDto } from "@/lib/queries/release-commits";
import { formatDateTime } from "@/lib/utils/format";

/** The commits a release promotion ships, newest first, from the CI runs between the two builds. */
export function CommitList({ data }: { data: CommitsBetweenDto | null }) {
  if (!data) {
    return (
      <p className="text-muted-foreground text-sm">
        No commit list: one of the two builds has no CI run on record.
      </p>
    );
  }
  if (data.commits.length === 0)
    return <p className="text-muted-foreground text-sm">No new commits between the builds.</p>;
  return (
    <div className="flex flex-col gap-2" data-testid="release-commits">
      <p className="font-medium text-sm">
        {data.commits.length + data.more} commit{data.commits.length + data.more === 1 ? "" : "s"} since the
        release running now
      </p>
      <ol className="flex flex-col divide-y rounded-lg border text-sm">
        {data.commits.map((c) => (
          <li key={c.sha} className="flex items-baseline gap-3 px-3 py-1.5">
            <span className="font-mono text-xs" title={c.sha}>
              {c.url ? (
                <a
                  href={c.url}
                  target="_blank"
                  rel="noreferrer"
                  className="inline-flex items-center gap-1 hover:underline"
                >
                  {c.sha.slice(0, 8)}
                  <ExternalLink aria-hidden="true" className="size-3" />
                  <span className="sr-only">(opens at the provider)</span>
                </a>
              ) : (
                c.sha.slice(0, 8)
              )}
            </span>
            <span className="min-w-0 flex-1 truncate">{c.title ?? "—"}</span>
            <span className="hidden text-muted-foreground text-xs sm:inline">{c.author ?? ""}</span>
            <time dateTime={c.at} className="whitespace-nowrap text-muted-foreground text-xs">
              {formatDateTime(c.at)}
            </time>
          </li>
        ))}
      </ol>
      {data.more > 0 ? <p className="text-muted-foreground text-xs">+{data.more} more</p> : null}
    </div>
  );
}
