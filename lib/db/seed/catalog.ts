import type { GateChecks } from "@/lib/db/schema";

/**
 * The fixed shape of the demo organisation: projects, environments, providers and the
 * people who push code. Pipelines are in pipeline-specs.ts. Everything random (runs,
 * deployments, metrics) hangs off these.
 */
export type ProjectSlug = "checkout-service" | "fraud-detection" | "search-ranking";
export type SeedProvider = "github" | "gitlab" | "azure_devops";

export type ProjectSpec = {
  slug: ProjectSlug;
  name: string;
  description: string;
  /** Ships a versioned service (releases); ML-only projects ship model versions only. */
  ships: { service: boolean; models: boolean };
  /** Approvals required per gated environment slug. */
  gates: Partial<Record<"staging" | "production", { requiredApprovals: number; checks: GateChecks }>>;
};

export const PROJECTS: readonly ProjectSpec[] = [
  {
    slug: "checkout-service",
    name: "Checkout Service",
    description: "Checkout API and payment orchestration behind the storefront.",
    ships: { service: true, models: false },
    gates: {
      staging: {
        requiredApprovals: 1,
        checks: { metricThresholds: [], noFiringAlerts: false, requireSuccessfulCi: true },
      },
      production: {
        requiredApprovals: 1,
        checks: { metricThresholds: [], noFiringAlerts: true, requireSuccessfulCi: true },
      },
    },
  },
  {
    slug: "fraud-detection",
    name: "Fraud Detection",
    description: "Real-time fraud scoring for card payments and the fraud-classifier training pipeline.",
    ships: { service: false, models: true },
    gates: {
      production: {
        requiredApprovals: 2,
        checks: {
          metricThresholds: [
            { metric: "auc", direction: "higher", maxRegression: 0.005, mode: "absolute" },
            { metric: "recall", direction: "higher", maxRegression: 0.02, mode: "absolute" },
          ],
          // Drift alerts are what a retrained model fixes; blocking on them would deadlock.
          noFiringAlerts: false,
          requireSuccessfulCi: false,
        },
      },
    },
  },
  {
    slug: "search-ranking",
    name: "Search Ranking",
    description: "Product search: the query service, the learning-to-rank model and the query embedder.",
    ships: { service: true, models: true },
    gates: {
      production: {
        requiredApprovals: 1,
        checks: {
          metricThresholds: [
            { metric: "ndcg@10", direction: "higher", maxRegression: 0.01, mode: "absolute" },
            { metric: "latency_p95_ms", direction: "lower", maxRegression: 0.1, mode: "relative" },
          ],
          noFiringAlerts: true,
          requireSuccessfulCi: true,
        },
      },
    },
  },
];

export const ENVIRONMENTS = [
  { slug: "development", name: "Development", position: 0, isProduction: false },
  { slug: "staging", name: "Staging", position: 1, isProduction: false },
  { slug: "production", name: "Production", position: 2, isProduction: true },
] as const;
export type EnvironmentSlug = (typeof ENVIRONMENTS)[number]["slug"];

export const CONNECTIONS: readonly {
  kind: SeedProvider;
  name: string;
  baseUrl: string;
  config: Record<string, unknown>;
}[] = [
  {
    kind: "github",
    name: "GitHub · acme",
    baseUrl: "https://api.github.com",
    config: {
      owner: "acme",
      repositories: ["acme/checkout-service"],
      projects: { "acme/checkout-service": "checkout-service" },
    },
  },
  {
    kind: "gitlab",
    name: "GitLab.com · acme",
    baseUrl: "https://gitlab.com",
    config: {
      group: "acme",
      projects: ["acme/fraud-detection", "acme/fraud-training"],
      projectIds: { "acme/fraud-detection": 41872231, "acme/fraud-training": 41872288 },
    },
  },
  {
    kind: "azure_devops",
    name: "Azure DevOps · contoso",
    baseUrl: "https://dev.azure.com/contoso",
    config: { organization: "contoso", project: "search", definitionIds: [14, 15, 16, 17] },
  },
];

/** People who push code, with a GitHub/GitLab-style login and a display name (Azure shows names). */
export type Person = { login: string; name: string };

export const PEOPLE: Record<ProjectSlug, Person[]> = {
  "checkout-service": [
    { login: "mlindqvist", name: "Mara Lindqvist" },
    { login: "dev-patel", name: "Dev Patel" },
    { login: "jkowalski", name: "Jakub Kowalski" },
    { login: "sofia-ramos", name: "Sofia Ramos" },
    { login: "erin-eng", name: "Erin Engineer" },
  ],
  "fraud-detection": [
    { login: "nokafor", name: "Nadia Okafor" },
    { login: "akira-t", name: "Akira Tanaka" },
    { login: "lhoffmann", name: "Lena Hoffmann" },
    { login: "erin-eng", name: "Erin Engineer" },
  ],
  "search-ranking": [
    { login: "bchen", name: "Ben Chen" },
    { login: "kwame-t", name: "Kwame Thompson" },
    { login: "sofia-ramos", name: "Sofia Ramos" },
    { login: "ivan-petrov", name: "Ivan Petrov" },
  ],
};
