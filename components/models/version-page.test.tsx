import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  VersionPageClient,
  type VersionPageDto,
} from "@/app/(dashboard)/models/[modelId]/versions/[version]/client";
import { historySummary } from "./version-history";
import { versionMetricRows } from "./version-metrics";

const model = { primaryMetric: "auc", primaryMetricDirection: "higher" as const };

describe("versionMetricRows", () => {
  it("puts the primary metric first and judges each against production by its direction", () => {
    const rows = versionMetricRows({ log_loss: 0.2, auc: 0.93, recall: 0.8, f1: 0.7 }, model, {
      metrics: { auc: 0.91, log_loss: 0.3, recall: 0.8 },
    });
    expect(rows.map((r) => r.key)).toEqual(["auc", "f1", "log_loss", "recall"]);
    expect(rows.map((r) => r.verdict)).toEqual(["better", null, "better", "same"]);
    expect(rows[0]).toMatchObject({ primary: true, direction: "higher", production: 0.91 });
    expect(rows[2]).toMatchObject({ direction: "lower", production: 0.3 });
  });

  it("says worse when the metric moved the wrong way, and nothing without production", () => {
    expect(versionMetricRows({ auc: 0.9 }, model, { metrics: { auc: 0.95 } })[0]!.verdict).toBe("worse");
    expect(versionMetricRows({ val_loss: 0.4 }, model, { metrics: { val_loss: 0.3 } })[0]!.verdict).toBe(
      "worse",
    );
    expect(versionMetricRows({ auc: 0.9 }, model, null)[0]).toMatchObject({
      production: null,
      verdict: null,
    });
  });
});

describe("historySummary", () => {
  it("names length, range, end and extremes, and says when the line was thinned", () => {
    const points = [
      { step: 0, value: 0.9, ts: 0 },
      { step: 10, value: 5, ts: 1 },
      { step: 20, value: 0.1, ts: 2 },
    ];
    expect(historySummary({ key: "loss", total: 3, points })).toBe(
      "loss: 3 points from step 0 to 20, ending at 0.1; lowest 0.1, highest 5.",
    );
    expect(historySummary({ key: "loss", total: 5000, points })).toContain(
      "5000 points (3 drawn, peaks kept)",
    );
    expect(historySummary({ key: "x", total: 0, points: [] })).toBe("x: no points logged.");
  });
});

const at = "2026-03-01T10:00:00.000Z";
const page: VersionPageDto = {
  model: {
    id: "m-1",
    name: "fraud",
    projectId: "p-1",
    projectSlug: "fraud-detection",
    primaryMetric: "auc",
    primaryMetricDirection: "higher",
  },
  version: {
    id: "v-2",
    modelId: "m-1",
    modelName: "fraud",
    projectId: "p-1",
    projectSlug: "fraud-detection",
    version: 2,
    status: "ready",
    artifactUri: "s3://models/fraud/2/model.json",
    framework: "xgboost",
    params: { max_depth: "7" },
    tags: { team: "risk" },
    metrics: { auc: 0.93, log_loss: 0.25 },
    datasets: [{ name: "transactions", uri: "s3://data/tx/", role: "train" }],
    commitSha: null,
    createdBy: "ci-bot",
    clientKey: null,
    createdAt: at,
    aliases: ["challenger"],
    lineage: {
      commitSha: "4f1c2d3e4f5a6b7c8d9e",
      sourceRun: {
        id: "run-1",
        provider: "gitlab",
        externalId: "9001",
        runNumber: 412,
        status: "succeeded",
        url: "https://gitlab.com/acme/fraud/-/pipelines/9001",
        commitSha: "4f1c2d3e4f5a6b7c8d9e",
        branch: "main",
        queuedAt: at,
        pipeline: { id: "pl-1", externalId: "1", name: "fraud-training", kind: "training", url: null },
      },
    },
    deployments: [
      {
        id: "d-1",
        environmentId: "e-stg",
        environmentSlug: "staging",
        environmentName: "Staging",
        isProduction: false,
        status: "succeeded",
        isRollback: false,
        actor: "deploy-bot",
        url: null,
        startedAt: at,
        finishedAt: null,
        current: true,
      },
    ],
    history: [],
  },
  commitUrl: "https://gitlab.com/acme/fraud/-/commit/4f1c2d3e4f5a6b7c8d9e",
  promotions: [
    {
      id: "req-1",
      environmentId: "e-prod",
      environmentName: "Production",
      status: "pending",
      emergency: false,
      isRollback: false,
      requestedBy: "Erin Engineer",
      createdAt: at,
      decidedAt: null,
      expiresAt: "2999-01-01T00:00:00.000Z",
      deploymentId: null,
    },
  ],
  promotionsMore: false,
  environments: [
    { id: "e-stg", slug: "staging", name: "Staging", isProduction: false, since: at, otherVersion: null },
    {
      id: "e-prod",
      slug: "production",
      name: "Production",
      isProduction: true,
      since: null,
      otherVersion: 1,
    },
  ],
  production: { version: 1, metrics: { auc: 0.91 } },
  compareWith: { version: 1, reason: "production" },
  history: [
    {
      key: "val_loss",
      total: 2,
      points: [
        { step: 0, value: 1, ts: 0 },
        { step: 1, value: 0.5, ts: 1 },
      ],
    },
    { key: "auc", total: 1, points: [{ step: 0, value: 0.9, ts: 0 }] },
  ],
};

describe("VersionPageClient", () => {
  const html = renderToStaticMarkup(
    <VersionPageClient
      page={page}
      offer={{ canRequest: false, reason: "Your role (viewer) cannot request promotions." }}
    />,
  );

  it("links the lineage chain: commit, training run, promotion requests", () => {
    expect(html).toContain('href="https://gitlab.com/acme/fraud/-/commit/4f1c2d3e4f5a6b7c8d9e"');
    expect(html).toContain('href="/pipelines/runs/run-1"');
    expect(html).toContain('href="/approvals/req-1"');
    expect(html).toContain('href="/models/m-1"');
    expect(html).toContain('href="/models/m-1/versions/1"');
    expect(html).toContain('href="/models/m-1/compare?versions=2,1"');
  });

  it("draws one labelled chart per metric, the primary metric's first", () => {
    const labels = [...html.matchAll(/<figure aria-label="([^"]+)"/g)].map((m) => m[1]);
    expect(labels).toEqual(["auc history of v2", "val_loss history of v2"]);
    expect(html.match(/data-testid="history-chart"/g)).toHaveLength(2);
  });

  it("shows the promotion button disabled with the reason for a role that may not request", () => {
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*aria-describedby="[^"]+"/);
    expect(html).toContain("Your role (viewer) cannot request promotions.");
  });

  it("names its tables for assistive tech", () => {
    for (const name of [
      "Metrics of v2",
      "Where v2 runs now, per environment",
      "Parameters",
      "Tags",
      "Datasets",
    ]) {
      expect(html).toContain(`aria-label="${name}"`);
    }
  });
});
