import type { ProjectSlug } from "./catalog";
import type { Random } from "./random";

/** Words the demo's commits, branches and PR titles are made of, per project. */
const TOPICS: Record<ProjectSlug, string[]> = {
  "checkout-service": [
    "cart-totals",
    "klarna-adapter",
    "idempotency-keys",
    "tax-rounding",
    "3ds-challenge",
    "order-events",
    "refund-api",
    "promo-codes",
    "currency-format",
    "stripe-webhooks",
    "retry-backoff",
    "inventory-hold",
  ],
  "fraud-detection": [
    "velocity-features",
    "merchant-embeddings",
    "score-threshold",
    "feature-store-client",
    "shap-explanations",
    "batch-scoring",
    "label-delay",
    "device-fingerprint",
    "calibration",
    "kafka-consumer",
  ],
  "search-ranking": [
    "bm25-fallback",
    "query-rewrite",
    "click-model",
    "feature-logging",
    "ann-index",
    "synonyms",
    "typo-tolerance",
    "facet-counts",
    "embedder-cache",
    "rerank-timeout",
  ],
};

const VERBS: Record<string, string[]> = {
  feat: ["add", "support", "introduce", "expose"],
  fix: ["handle", "fix", "guard against", "correct"],
  refactor: ["simplify", "extract", "split", "rename"],
  perf: ["speed up", "cache", "batch"],
  test: ["cover", "stabilise", "add tests for"],
};

const DEPENDENCIES: Record<ProjectSlug, [string, string][]> = {
  "checkout-service": [
    ["pg", "8.13.1"],
    ["fastify", "5.2.0"],
    ["zod", "3.24.1"],
    ["stripe", "17.5.0"],
    ["vitest", "2.1.8"],
    ["typescript", "5.7.2"],
    ["@opentelemetry/api", "1.9.0"],
  ],
  "fraud-detection": [
    ["xgboost", "2.1.3"],
    ["pandas", "2.2.3"],
    ["fastapi", "0.115.6"],
    ["pydantic", "2.10.4"],
  ],
  "search-ranking": [
    ["lightgbm", "4.5.0"],
    ["torch", "2.5.1"],
    ["faiss-cpu", "1.9.0"],
  ],
};

export function topic(random: Random, project: ProjectSlug): string {
  return random.pick(TOPICS[project]);
}

/** A conventional-commit subject such as `fix(cart-totals): handle rounding of zero-decimal currencies`. */
export function commitTitle(random: Random, project: ProjectSlug, about = topic(random, project)): string {
  const type = random.weighted([
    ["feat", 4],
    ["fix", 4],
    ["refactor", 2],
    ["perf", 1],
    ["test", 1],
  ] as const);
  const verb = random.pick(VERBS[type]!);
  const object = about.replace(/-/g, " ");
  const tail = random.pick(["", "", " for EU merchants", " in the worker", " on retries", " behind a flag"]);
  return `${type}(${about}): ${verb} ${object}${tail}`;
}

export function featureBranch(random: Random, about: string): string {
  const prefix = random.weighted([
    ["feature", 6],
    ["fix", 2],
  ] as const);
  return `${prefix}/${about}${random.chance(0.3) ? `-${random.int(2, 9)}` : ""}`;
}

export function dependencyBump(random: Random, project: ProjectSlug): { branch: string; title: string } {
  const [name, version] = random.pick(DEPENDENCIES[project]);
  const slug = name.replace(/^@/, "").replace(/\//g, "-");
  return {
    branch: `renovate/${slug}-${version.split(".")[0]}.x`,
    title: `chore(deps): update ${name} to v${version}`,
  };
}
