/**
 * Commits between two builds, pure: from CI runs on the candidate's branch after the build
 * running now and up to the candidate's build, one entry per commit (its newest run gives
 * the title, actor and link), newest first, capped with a count of the rest.
 */

export type CommitRun = {
  commitSha: string | null;
  title: string | null;
  actor: string | null;
  url: string | null;
  queuedAt: Date;
};

export type Commit = {
  sha: string;
  title: string | null;
  author: string | null;
  url: string | null;
  at: Date;
};
export type CommitsBetween = { commits: Commit[]; more: number };

export const COMMITS_CAP = 50;

export function collectCommits(
  runs: readonly CommitRun[],
  options: { excludeSha?: string | null; cap?: number } = {},
): CommitsBetween {
  const cap = options.cap ?? COMMITS_CAP;
  const newest = new Map<string, CommitRun & { commitSha: string }>();
  for (const run of runs) {
    if (!run.commitSha || run.commitSha === options.excludeSha) continue;
    const seen = newest.get(run.commitSha);
    if (!seen || run.queuedAt > seen.queuedAt)
      newest.set(run.commitSha, { ...run, commitSha: run.commitSha });
  }
  // First appearance orders commits: a re-run of an old commit must not jump it to the top.
  const firstSeen = new Map<string, number>();
  for (const run of runs) {
    if (!run.commitSha) continue;
    const t = run.queuedAt.getTime();
    firstSeen.set(run.commitSha, Math.min(firstSeen.get(run.commitSha) ?? t, t));
  }
  const commits = [...newest.values()]
    .sort(
      (a, b) =>
        firstSeen.get(b.commitSha)! - firstSeen.get(a.commitSha)! || (a.commitSha < b.commitSha ? 1 : -1),
    )
    .map((r) => ({
      sha: r.commitSha,
      title: r.title,
      author: r.actor,
      url: r.url,
      at: new Date(firstSeen.get(r.commitSha)!),
    }));
  return { commits: commits.slice(0, cap), more: Math.max(0, commits.length - cap) };
}
