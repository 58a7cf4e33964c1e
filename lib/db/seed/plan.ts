import { planAliases } from "./aliases";
import { planAudit } from "./audit";
import type { ProjectSlug } from "./catalog";
import { RepositoryHistory } from "./commits";
import { type DeploymentPlan, linkDeploymentsToProviders } from "./deployments";
import { planModelRollout } from "./model-rollout";
import { planModels } from "./models";
import { planMonitoring } from "./monitoring";
import type { PlanContext, PlannedRun } from "./plan-types";
import { planCatalog } from "./projects";
import { planPromotions } from "./promotions";
import { createRandom } from "./random";
import { bundleModelVersions, planReleases } from "./releases";
import { assignProviderIds } from "./run-ids";
import { planPipelineRuns } from "./runs";
import { planServiceRollout, type Regression } from "./service-rollout";
import { DAY, HISTORY_DAYS } from "./time";
import { planUsers } from "./users";

/** Fixed so every machine gets the same demo for the same `now`. */
const SEED = "tandem-demo-v1";

export type SeedPlan = ReturnType<typeof planSeed>;

/**
 * Plans every row of the demo in memory, with ids chosen up front so rows can reference
 * each other. Pure: the same `now` and hash give the same plan.
 */
export function planSeed(now: number, passwordHash: string) {
  const root = createRandom(SEED);
  const ctx = (area: string): PlanContext => ({
    now,
    start: now - HISTORY_DAYS * DAY,
    random: root.fork(area),
  });

  const { rows: users, cast } = planUsers(ctx("users").random, now, passwordHash);
  const catalog = planCatalog(ctx("catalog"));
  const history = new RepositoryHistory(root.fork("commits"), now - HISTORY_DAYS * DAY);
  const runs = catalog.pipelines.flatMap(({ spec, row }) =>
    planPipelineRuns(ctx("runs"), spec, { pipelineId: row.id, projectId: row.projectId }, history),
  );
  const { models, history: metricHistory } = planModels(ctx("models"), catalog, runs);

  const rollout = planRollouts(ctx("deployments"), catalog, cast, runs, models);
  const deploymentRuns = rollout.deployments.flatMap((d) => (d.run ? [d.run] : []));
  const allRuns = [...runs, ...deploymentRuns];
  assignProviderIds(root.fork("provider-ids"), allRuns);
  linkDeploymentsToProviders(root.fork("deployment-ids"), rollout.deployments);

  const promotions = planPromotions(ctx("promotions"), catalog, cast, rollout.deployments);
  const { aliases, events: aliasEvents } = planAliases(models, rollout.deployments);
  const regression = rollout.regression
    ? {
        from: rollout.regression.bad.row.finishedAt!.getTime(),
        to: rollout.regression.rollback.row.finishedAt!.getTime(),
      }
    : null;
  const monitoring = planMonitoring(ctx("monitoring"), catalog, models, { now, regression });
  const audit = planAudit({
    users,
    cast,
    catalog,
    deployments: rollout.deployments,
    promotions,
    models,
    aliasEvents,
  });

  return {
    users,
    catalog,
    runs: allRuns.sort((a, b) => a.row.queuedAt.getTime() - b.row.queuedAt.getTime()),
    releases: rollout.releases,
    releaseModelVersions: rollout.releaseModelVersions,
    deployments: rollout.deployments,
    regression: rollout.regression,
    models,
    metricHistory,
    aliases,
    aliasEvents,
    promotions,
    monitoring,
    audit,
  };
}

type Cast = ReturnType<typeof planUsers>["cast"];

/** Releases and deployments of every project, in time order. */
function planRollouts(
  ctx: PlanContext,
  catalog: ReturnType<typeof planCatalog>,
  cast: Cast,
  runs: PlannedRun[],
  models: ReturnType<typeof planModels>["models"],
) {
  const deployPipeline = (project: ProjectSlug) => {
    const found = catalog.pipelines.find((p) => p.spec.project === project && p.spec.kind === "deploy");
    return found ? { spec: found.spec, id: found.row.id } : null;
  };
  const ciRuns = (project: ProjectSlug) =>
    runs.filter((r) => r.spec.project === project && r.spec.kind === "ci");
  const deployments: DeploymentPlan[] = [];
  const releases = [];
  const releaseModelVersions = [];
  let regression: Regression | null = null;

  for (const project of Object.values(catalog.projects)) {
    const slug = project.spec.slug;
    const random = ctx.random.fork(slug);
    const pipeline = deployPipeline(slug);
    if (project.spec.ships.service && pipeline) {
      const projectReleases = planReleases(random.fork("releases"), slug, ciRuns(slug));
      releases.push(...projectReleases);
      releaseModelVersions.push(
        ...bundleModelVersions(
          projectReleases,
          models.filter((m) => m.spec.project === slug),
        ),
      );
      const isCheckout = slug === "checkout-service";
      const result = planServiceRollout(
        {
          random: random.fork("service"),
          now: ctx.now,
          project,
          releases: projectReleases,
          pipeline,
          users: cast,
        },
        ctx.start,
        isCheckout
          ? { regression: true, holdBack: 2, deployingNow: true }
          : { holdBack: 0, failedProductionDaysAgo: 40 },
      );
      deployments.push(...result.deployments);
      regression = result.regression ?? regression;
    }
    for (const model of models.filter((m) => m.spec.project === slug)) {
      const rollout = {
        random: random.fork(model.spec.name),
        now: ctx.now,
        project,
        model,
        pipeline,
        users: cast,
      };
      deployments.push(...planModelRollout(rollout));
    }
  }
  deployments.sort((a, b) => a.row.startedAt!.getTime() - b.row.startedAt!.getTime());
  return { releases, releaseModelVersions, deployments, regression };
}
