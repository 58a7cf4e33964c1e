import type { Person, ProjectSlug } from "./catalog";
import type { Random } from "./random";
import { DAY } from "./time";
import { commitTitle } from "./vocabulary";

export type Commit = { at: number; sha: string; title: string; author: Person };

/**
 * The default-branch history of every repository, shared by the pipelines that build it,
 * so a nightly training or a deployment points at a commit CI really built.
 */
export class RepositoryHistory {
  private readonly commits = new Map<string, Commit[]>();
  private readonly pullNumbers = new Map<string, number>();

  constructor(
    private readonly random: Random,
    private readonly start: number,
  ) {}

  /** Records a new head of the default branch; calls must come in time order per repository. */
  push(repository: string, project: ProjectSlug, commit: Commit): void {
    this.list(repository, project, commit.author).push(commit);
  }

  /** The head of the default branch at `at`; every repository starts with one older commit. */
  headAt(repository: string, at: number, project: ProjectSlug, fallbackAuthor: Person): Commit {
    const list = this.list(repository, project, fallbackAuthor);
    let low = 0;
    let high = list.length - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (list[mid]!.at <= at) low = mid;
      else high = mid - 1;
    }
    return list[low]!;
  }

  /** Pull / merge request numbers grow per repository. */
  nextPullNumber(repository: string): number {
    const next = (this.pullNumbers.get(repository) ?? this.random.int(180, 900)) + this.random.int(1, 3);
    this.pullNumbers.set(repository, next);
    return next;
  }

  private list(repository: string, project: ProjectSlug, author: Person): Commit[] {
    let list = this.commits.get(repository);
    if (!list) {
      const root = {
        at: this.start - DAY,
        sha: this.random.hex(40),
        title: commitTitle(this.random, project),
        author,
      };
      list = [root];
      this.commits.set(repository, list);
    }
    return list;
  }
}
