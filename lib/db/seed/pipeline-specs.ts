import type { PipelineKind } from "@/lib/db/schema/enums";
import type { ProjectSlug, SeedProvider } from "./catalog";

/**
 * The demo's pipelines, shaped like each provider's: GitHub workflows, GitLab project
 * pipelines with stages, Azure DevOps build definitions.
 */

/** A group of jobs that run in parallel; groups run one after another. */
export type StageSpec = { stage: string | null; jobs: string[]; weight: number; mainOnly?: boolean };

/** How often people and schedules start runs of a pipeline. Rates are per working day. */
export type TrafficSpec = {
  mainPushesPerDay: number;
  reviewSessionsPerDay: number;
  renovatePerWeek: number;
  releaseBranchPerWeek: number;
  manualPerWeek: number;
  nightly?: { hourUtc: number; weekdaysOnly: boolean; weekly?: boolean };
};

export type PipelineSpec = {
  key: string;
  project: ProjectSlug;
  provider: SeedProvider;
  kind: PipelineKind;
  name: string;
  /** The provider's id of the definition (workflow id, GitLab project id, Azure definition id). */
  externalId: string;
  repository: string;
  url: string;
  stages: StageSpec[];
  duration: { medianMinutes: number; minMinutes: number; maxMinutes: number };
  failureRate: number;
  /** Deploy pipelines get their runs from the deployment history instead. */
  traffic: TrafficSpec | null;
  /** The last few finished runs fail, so the overview has a failing pipeline to show. */
  endsFailing?: { job: string; runs: number };
  active?: { running: number; queued: number };
};

const quiet: TrafficSpec = {
  mainPushesPerDay: 0,
  reviewSessionsPerDay: 0,
  renovatePerWeek: 0,
  releaseBranchPerWeek: 0,
  manualPerWeek: 0,
};

export const PIPELINES: readonly PipelineSpec[] = [
  {
    key: "checkout-ci",
    project: "checkout-service",
    provider: "github",
    kind: "ci",
    name: "CI",
    externalId: "61873102",
    repository: "acme/checkout-service",
    url: "https://github.com/acme/checkout-service/actions/workflows/ci.yml",
    stages: [
      { stage: null, jobs: ["build", "lint"], weight: 2 },
      { stage: null, jobs: ["test (node 20)", "test (node 22)"], weight: 4 },
      { stage: null, jobs: ["e2e"], weight: 3, mainOnly: true },
    ],
    duration: { medianMinutes: 6.5, minMinutes: 3, maxMinutes: 12 },
    failureRate: 0.06,
    traffic: {
      ...quiet,
      mainPushesPerDay: 3.6,
      reviewSessionsPerDay: 2.6,
      renovatePerWeek: 4,
      releaseBranchPerWeek: 0.6,
      manualPerWeek: 0.5,
    },
    active: { running: 2, queued: 1 },
  },
  {
    key: "checkout-deploy",
    project: "checkout-service",
    provider: "github",
    kind: "deploy",
    name: "Deploy",
    externalId: "61873145",
    repository: "acme/checkout-service",
    url: "https://github.com/acme/checkout-service/actions/workflows/deploy.yml",
    stages: [
      { stage: null, jobs: ["build-image"], weight: 2 },
      { stage: null, jobs: ["deploy"], weight: 2 },
      { stage: null, jobs: ["smoke-test"], weight: 1 },
    ],
    duration: { medianMinutes: 3.5, minMinutes: 2, maxMinutes: 6 },
    failureRate: 0.04,
    traffic: null,
  },
  {
    key: "fraud-ci",
    project: "fraud-detection",
    provider: "gitlab",
    kind: "ci",
    name: "fraud-detection",
    externalId: "41872231",
    repository: "acme/fraud-detection",
    url: "https://gitlab.com/acme/fraud-detection/-/pipelines",
    stages: [
      { stage: "build", jobs: ["build-image"], weight: 2 },
      { stage: "test", jobs: ["pytest", "ruff", "mypy"], weight: 4 },
      { stage: "deploy", jobs: ["push-image"], weight: 1, mainOnly: true },
    ],
    duration: { medianMinutes: 6, minMinutes: 3, maxMinutes: 12 },
    failureRate: 0.07,
    traffic: {
      ...quiet,
      mainPushesPerDay: 2.6,
      reviewSessionsPerDay: 2.0,
      renovatePerWeek: 2,
      releaseBranchPerWeek: 0,
      manualPerWeek: 0.3,
    },
    active: { running: 1, queued: 0 },
  },
  {
    key: "fraud-training",
    project: "fraud-detection",
    provider: "gitlab",
    kind: "training",
    name: "fraud-training",
    externalId: "41872288",
    repository: "acme/fraud-training",
    url: "https://gitlab.com/acme/fraud-training/-/pipelines",
    stages: [
      { stage: "build", jobs: ["build"], weight: 1 },
      { stage: "test", jobs: ["validate-data"], weight: 2 },
      { stage: "train", jobs: ["train-xgboost"], weight: 12 },
      { stage: "deploy", jobs: ["register-model"], weight: 1 },
    ],
    duration: { medianMinutes: 48, minMinutes: 25, maxMinutes: 90 },
    failureRate: 0.08,
    traffic: {
      ...quiet,
      mainPushesPerDay: 0.6,
      manualPerWeek: 1.5,
      nightly: { hourUtc: 2, weekdaysOnly: false },
    },
    endsFailing: { job: "train-xgboost", runs: 2 },
  },
  {
    key: "search-ci",
    project: "search-ranking",
    provider: "azure_devops",
    kind: "ci",
    name: "search-ranking-ci",
    externalId: "14",
    repository: "search-ranking",
    url: "https://dev.azure.com/contoso/search/_build?definitionId=14",
    stages: [
      { stage: "Build", jobs: ["Build"], weight: 3 },
      { stage: "Test", jobs: ["UnitTests", "IntegrationTests"], weight: 5 },
      { stage: "Publish", jobs: ["PublishArtifacts"], weight: 1, mainOnly: true },
    ],
    duration: { medianMinutes: 8, minMinutes: 3, maxMinutes: 12 },
    failureRate: 0.06,
    traffic: {
      ...quiet,
      mainPushesPerDay: 3,
      reviewSessionsPerDay: 2.1,
      renovatePerWeek: 0,
      releaseBranchPerWeek: 0.4,
      manualPerWeek: 0.5,
    },
    endsFailing: { job: "IntegrationTests", runs: 3 },
  },
  {
    key: "train-ranker",
    project: "search-ranking",
    provider: "azure_devops",
    kind: "training",
    name: "train-ranker",
    externalId: "15",
    repository: "search-ranking",
    url: "https://dev.azure.com/contoso/search/_build?definitionId=15",
    stages: [
      { stage: "PrepareData", jobs: ["ExtractClicks", "BuildFeatures"], weight: 3 },
      { stage: "Train", jobs: ["TrainLambdaMART"], weight: 10 },
      { stage: "Evaluate", jobs: ["OfflineEval"], weight: 2 },
      { stage: "Register", jobs: ["RegisterModel"], weight: 1 },
    ],
    duration: { medianMinutes: 45, minMinutes: 25, maxMinutes: 90 },
    failureRate: 0.07,
    traffic: { ...quiet, manualPerWeek: 2, nightly: { hourUtc: 1, weekdaysOnly: true } },
    active: { running: 1, queued: 0 },
  },
  {
    key: "search-release",
    project: "search-ranking",
    provider: "azure_devops",
    kind: "deploy",
    name: "search-ranking-release",
    externalId: "16",
    repository: "search-ranking",
    url: "https://dev.azure.com/contoso/search/_build?definitionId=16",
    stages: [
      { stage: "Deploy", jobs: ["Deploy"], weight: 3 },
      { stage: "Verify", jobs: ["SmokeTests"], weight: 1 },
    ],
    duration: { medianMinutes: 4, minMinutes: 2, maxMinutes: 6 },
    failureRate: 0.04,
    traffic: null,
  },
  {
    key: "train-embedder",
    project: "search-ranking",
    provider: "azure_devops",
    kind: "training",
    name: "train-query-embedder",
    externalId: "17",
    repository: "search-ranking",
    url: "https://dev.azure.com/contoso/search/_build?definitionId=17",
    stages: [
      { stage: "PrepareData", jobs: ["SampleQueries"], weight: 2 },
      { stage: "Train", jobs: ["TrainGPU"], weight: 12 },
      { stage: "Evaluate", jobs: ["RecallEval"], weight: 2 },
      { stage: "Register", jobs: ["RegisterModel"], weight: 1 },
    ],
    duration: { medianMinutes: 70, minMinutes: 25, maxMinutes: 90 },
    failureRate: 0.1,
    traffic: { ...quiet, manualPerWeek: 1.5, nightly: { hourUtc: 3, weekdaysOnly: false, weekly: true } },
  },
];
