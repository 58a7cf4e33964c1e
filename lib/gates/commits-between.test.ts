import { describe, expect, it } from "vitest";
import { type CommitRun, collectCommits } from "./commits-between";

const at = (m: number) => new Date(Date.UTC(2026, 2, 2, 12, m));
const run = (sha: string | null, m: number, extra: Partial<CommitRun> = {}): CommitRun => ({
  commitSha: sha,
  title: `build ${sha}`,
  actor: "dev",
  url: null,
  queuedAt: at(m),
  ...extra,
});

describe("collectCommits", () => {
  it("lists each commit once, newest first, details from its latest run", () => {
    const result = collectCommits([
      run("a", 1),
      run("b", 2),
      run("a", 5, { title: "Fix login (re-run)", url: "https://ci/a/2" }),
      run("c", 3),
    ]);
    expect(result.more).toBe(0);
    expect(result.commits.map((c) => c.sha)).toEqual(["c", "b", "a"]);
    expect(result.commits[2]).toMatchObject({
      title: "Fix login (re-run)",
      url: "https://ci/a/2",
      at: at(1),
    });
  });

  it("skips runs without a commit and the commit already running", () => {
    expect(
      collectCommits([run(null, 1), run("old", 2), run("new", 3)], { excludeSha: "old" }).commits,
    ).toEqual([{ sha: "new", title: "build new", author: "dev", url: null, at: at(3) }]);
  });

  it("caps the list and counts the rest", () => {
    const runs = Array.from({ length: 53 }, (_, i) => run(`sha${String(i).padStart(2, "0")}`, i));
    const result = collectCommits(runs);
    expect(result.commits).toHaveLength(50);
    expect(result.more).toBe(3);
    expect(result.commits[0]?.sha).toBe("sha52");
    expect(collectCommits(runs, { cap: 2 })).toMatchObject({ more: 51 });
    expect(collectCommits([])).toEqual({ commits: [], more: 0 });
  });
});
