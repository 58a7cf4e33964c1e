import type { ProjectSlug } from "./catalog";
import type { ModelPlan } from "./models";
import type { PlannedRun, ReleaseModelVersionRow, ReleaseRow } from "./plan-types";
import type { Random } from "./random";
import { HOUR, MINUTE } from "./time";

export type ReleasePlan = { row: ReleaseRow; build: PlannedRun; title: string; createdAt: number };

const FIRST_VERSION: Partial<Record<ProjectSlug, [number, number]>> = {
  "checkout-service": [1, 14],
  "search-ranking": [1, 6],
};

const IMAGE: Partial<Record<ProjectSlug, string>> = {
  "checkout-service": "ghcr.io/acme/checkout-service",
  "search-ranking": "contosoacr.azurecr.io/search/search-ranking",
};

/**
 * Tags a release from a green default-branch CI build about once a day: a minor
 * bump now and then, patches otherwise.
 */
export function planReleases(random: Random, project: ProjectSlug, ciRuns: PlannedRun[]): ReleasePlan[] {
  const [major, firstMinor] = FIRST_VERSION[project] ?? [1, 0];
  const green = ciRuns
    .filter(
      (r) => r.onMain && r.row.status === "succeeded" && r.row.trigger !== "schedule" && r.row.finishedAt,
    )
    .sort((a, b) => a.row.finishedAt!.getTime() - b.row.finishedAt!.getTime());
  const releases: ReleasePlan[] = [];
  let minor = firstMinor;
  let patch = 0;
  let nextAllowed = 0;
  for (const build of green) {
    const finished = build.row.finishedAt!.getTime();
    if (finished < nextAllowed) continue;
    if (releases.length > 0) {
      if (random.chance(0.22)) {
        minor += 1;
        patch = 0;
      } else patch += 1;
    }
    const createdAt = finished + random.int(1, 4) * MINUTE;
    const version = `v${major}.${minor}.${patch}`;
    releases.push({
      build,
      title: build.row.title ?? version,
      createdAt,
      row: {
        id: random.uuid(),
        projectId: build.row.projectId,
        version,
        commitSha: build.row.commitSha,
        artifactUri: `${IMAGE[project]}:${version}`,
        buildRunId: build.row.id,
        createdBy: build.row.actor,
        createdAt: new Date(createdAt),
      },
    });
    nextAllowed = createdAt + random.float(10, 30) * HOUR;
  }
  return releases;
}

/**
 * What each service release ships of its project's models: the newest version of each that
 * had trained successfully by the time the release was cut, so the release page shows a
 * build and its model versions going out together.
 */
export function bundleModelVersions(releases: ReleasePlan[], models: ModelPlan[]): ReleaseModelVersionRow[] {
  return releases.flatMap((release) =>
    models.flatMap((model) => {
      let shipped: ModelPlan["versions"][number] | undefined;
      for (const version of model.versions) {
        const at = version.row.createdAt!.getTime();
        if (version.row.status === "failed" || at > release.createdAt) continue;
        if (!shipped || at > shipped.row.createdAt!.getTime()) shipped = version;
      }
      return shipped ? [{ releaseId: release.row.id, modelVersionId: shipped.row.id! }] : [];
    }),
  );
}
