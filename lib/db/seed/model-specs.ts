import type { DatasetRef } from "@/lib/db/schema";
import type { ProjectSlug } from "./catalog";
import type { Random } from "./random";

/** How one final metric moves across versions: from the first version's value towards `to`. */
export type MetricTrend = { from: number; to: number; noise: number; decimals: number };

/** One per-step curve; `final` names the metric it converges to, or gives a fixed end value. */
export type CurveSpec = {
  key: string;
  start: number;
  final: string | number;
  shape: "decay" | "rise" | "schedule";
  /** Training curves end a little better than validation ones. */
  finalScale?: number;
};

export type ModelSpec = {
  name: string;
  project: ProjectSlug;
  trainingPipeline: string;
  description: string;
  owner: string;
  tags: Record<string, string>;
  framework: string;
  primaryMetric: string;
  direction: "higher" | "lower";
  versions: number;
  /** Index of a version whose evaluation failed (registered, never deployed). */
  failedVersionIndex?: number;
  fixedParams: Record<string, string>;
  /** Each new version changes one or two of these. */
  tunedParams: Record<string, string[]>;
  metrics: Record<string, MetricTrend>;
  /** Derived metrics computed from others (f1 from precision and recall). */
  derived?: (metrics: Record<string, number>) => Record<string, number>;
  steps: [number, number];
  curves: CurveSpec[];
  datasets: (random: Random, date: string) => DatasetRef[];
  artifactFile: string;
};

const digest = (random: Random) => `sha256:${random.hex(64)}`;

export const MODEL_SPECS: readonly ModelSpec[] = [
  {
    name: "fraud-classifier",
    project: "fraud-detection",
    trainingPipeline: "fraud-training",
    description:
      "Scores card transactions for fraud risk in real time; gradient-boosted trees on 212 features.",
    owner: "nokafor",
    tags: { team: "risk-ml", tier: "critical", domain: "payments" },
    framework: "xgboost",
    primaryMetric: "auc",
    direction: "higher",
    versions: 12,
    fixedParams: { objective: "binary:logistic", tree_method: "hist", eval_metric: "auc" },
    tunedParams: {
      learning_rate: ["0.05", "0.08", "0.1"],
      max_depth: ["6", "7", "8"],
      n_estimators: ["400", "600", "800"],
      subsample: ["0.8", "0.9"],
      colsample_bytree: ["0.7", "0.8"],
      min_child_weight: ["1", "3", "5"],
      scale_pos_weight: ["12", "18", "25"],
    },
    metrics: {
      auc: { from: 0.912, to: 0.957, noise: 0.003, decimals: 4 },
      precision: { from: 0.781, to: 0.874, noise: 0.008, decimals: 4 },
      recall: { from: 0.702, to: 0.816, noise: 0.01, decimals: 4 },
      log_loss: { from: 0.318, to: 0.191, noise: 0.008, decimals: 4 },
    },
    derived: (m) => ({
      f1: Number(((2 * m.precision! * m.recall!) / (m.precision! + m.recall!)).toFixed(4)),
    }),
    steps: [30, 50],
    curves: [
      { key: "train_loss", start: 0.62, final: "log_loss", shape: "decay", finalScale: 0.86 },
      { key: "val_loss", start: 0.64, final: "log_loss", shape: "decay" },
      { key: "val_auc", start: 0.74, final: "auc", shape: "rise" },
    ],
    datasets: (random, date) => [
      {
        name: "transactions",
        uri: `s3://acme-data/fraud/transactions/${date}/`,
        digest: digest(random),
        role: "train",
      },
      {
        name: "transactions-holdout",
        uri: `s3://acme-data/fraud/holdout/${date}/`,
        digest: digest(random),
        role: "eval",
      },
    ],
    artifactFile: "model.xgb",
  },
  {
    name: "ranker",
    project: "search-ranking",
    trainingPipeline: "train-ranker",
    description: "LambdaMART re-ranker for the top 200 product search candidates.",
    owner: "bchen",
    tags: { team: "search", tier: "critical" },
    framework: "lightgbm",
    primaryMetric: "ndcg@10",
    direction: "higher",
    versions: 10,
    failedVersionIndex: 5,
    fixedParams: { objective: "lambdarank", metric: "ndcg", eval_at: "10" },
    tunedParams: {
      learning_rate: ["0.03", "0.05", "0.08"],
      num_leaves: ["63", "127", "255"],
      n_estimators: ["500", "800", "1200"],
      min_data_in_leaf: ["50", "100", "200"],
      feature_fraction: ["0.7", "0.8", "0.9"],
    },
    metrics: {
      "ndcg@10": { from: 0.612, to: 0.684, noise: 0.004, decimals: 4 },
      mrr: { from: 0.552, to: 0.621, noise: 0.005, decimals: 4 },
      latency_p95_ms: { from: 14.8, to: 11.2, noise: 0.4, decimals: 1 },
    },
    steps: [25, 40],
    curves: [
      { key: "train_ndcg@10", start: 0.48, final: "ndcg@10", shape: "rise", finalScale: 1.05 },
      { key: "val_ndcg@10", start: 0.45, final: "ndcg@10", shape: "rise" },
      { key: "val_loss", start: 1.9, final: 0.82, shape: "decay" },
    ],
    datasets: (random, date) => [
      {
        name: "search-clicks",
        uri: `s3://acme-data/search/clicks/${date}/`,
        digest: digest(random),
        role: "train",
      },
      { name: "judgments-v3", uri: "s3://acme-data/search/judgments/v3/", role: "eval" },
    ],
    artifactFile: "model.txt",
  },
  {
    name: "query-embedder",
    project: "search-ranking",
    trainingPipeline: "train-embedder",
    description: "Bi-encoder that embeds queries for approximate nearest-neighbour retrieval.",
    owner: "kwame-t",
    tags: { team: "search", tier: "standard" },
    framework: "pytorch",
    primaryMetric: "recall@10",
    direction: "higher",
    versions: 8,
    fixedParams: { base_model: "minilm-l6", optimizer: "adamw", embedding_dim: "384" },
    tunedParams: {
      learning_rate: ["2e-5", "3e-5", "5e-5"],
      batch_size: ["256", "512", "1024"],
      epochs: ["20", "25", "30"],
      warmup_steps: ["500", "1000"],
      temperature: ["0.05", "0.07"],
    },
    metrics: {
      "recall@10": { from: 0.712, to: 0.803, noise: 0.005, decimals: 4 },
      mrr: { from: 0.481, to: 0.552, noise: 0.006, decimals: 4 },
      latency_p95_ms: { from: 6.1, to: 5.2, noise: 0.2, decimals: 1 },
    },
    steps: [20, 30],
    curves: [
      { key: "train_loss", start: 2.4, final: 0.41, shape: "decay" },
      { key: "val_loss", start: 2.5, final: 0.47, shape: "decay" },
      { key: "val_recall@10", start: 0.42, final: "recall@10", shape: "rise" },
      { key: "learning_rate", start: 0, final: 0, shape: "schedule" },
    ],
    datasets: (random, date) => [
      {
        name: "query-pairs",
        uri: `s3://acme-data/search/query-pairs/${date}/`,
        digest: digest(random),
        role: "train",
      },
      { name: "query-pairs-eval", uri: "s3://acme-data/search/query-pairs/eval-2024q2/", role: "eval" },
    ],
    artifactFile: "model.pt",
  },
];
