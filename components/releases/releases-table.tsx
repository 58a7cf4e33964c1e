"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { withShellParams } from "@/components/layout/use-search-param-updater";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime, formatRelativeTime } from "@/lib/utils/format";
import { DeployedInBadges } from "./deployed-in-badges";

export type ReleaseRow = {
  id: string;
  version: string;
  projectName: string;
  commitSha: string | null;
  artifactUri: string | null;
  createdBy: string | null;
  createdAt: string;
  modelVersionCount: number;
  deployedIn: { environmentId: string; environmentName: string; isProduction: boolean }[];
};

/** Releases newest first: what each bundles and where it runs now. */
export function ReleasesTable({ items }: { items: ReleaseRow[] }) {
  const searchParams = useSearchParams();
  return (
    <Table caption="Releases, newest first, with where each runs now" data-testid="releases-table">
      <TableHeader>
        <TableRow>
          <TableHead>Release</TableHead>
          <TableHead className="hidden md:table-cell">Commit</TableHead>
          <TableHead className="hidden lg:table-cell">Artifact</TableHead>
          <TableHead className="text-right">Model versions</TableHead>
          <TableHead>Runs now in</TableHead>
          <TableHead className="hidden md:table-cell">Created</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((release) => (
          <TableRow key={release.id} data-testid={`release-row-${release.version}`}>
            <TableCell className="max-w-56">
              <Link
                href={withShellParams(`/releases/${release.id}`, searchParams)}
                className="block truncate font-medium font-mono hover:underline focus-visible:outline-2 focus-visible:outline-ring"
              >
                {release.version}
              </Link>
              <div className="truncate text-muted-foreground text-xs">{release.projectName}</div>
            </TableCell>
            <TableCell className="hidden font-mono text-xs md:table-cell">
              {release.commitSha ? release.commitSha.slice(0, 7) : "—"}
            </TableCell>
            <TableCell
              className="hidden max-w-64 truncate font-mono text-xs lg:table-cell"
              title={release.artifactUri ?? undefined}
            >
              {release.artifactUri ?? "—"}
            </TableCell>
            <TableCell className="text-right tabular-nums">{release.modelVersionCount}</TableCell>
            <TableCell>
              <DeployedInBadges deployedIn={release.deployedIn} />
            </TableCell>
            <TableCell className="hidden text-muted-foreground text-xs md:table-cell">
              <time
                dateTime={release.createdAt}
                title={formatDateTime(release.createdAt)}
                suppressHydrationWarning
              >
                {formatRelativeTime(release.createdAt)}
              </time>
              {release.createdBy ? <div className="truncate">{release.createdBy}</div> : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
