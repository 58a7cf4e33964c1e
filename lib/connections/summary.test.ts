import { describe, expect, it } from "vitest";
import { toConnectionSummary } from "./summary";

const PROJECT = "5f1c8a52-4a8e-4c4b-9a43-3c0d1c8e7b10";
const row = (kind: "github" | "mlflow" | "prometheus" | "generic", config: Record<string, unknown>) => ({
  id: "0b6f6a43-1d6f-4f2b-8f3e-4a4c3e0b9f11",
  kind,
  name: kind,
  baseUrl: "https://example.com",
  enabled: true,
  hasToken: true,
  config,
  lastDeliveryAt: null,
  lastSyncAt: null,
  lastError: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
});

describe("toConnectionSummary", () => {
  it("reads a CI connection's repository mapping", () => {
    const summary = toConnectionSummary(
      row("github", { repositories: [{ name: "acme/api", projectId: PROJECT }], cursor: "x" }),
    );
    expect(summary.config).toEqual({ repositories: [{ name: "acme/api", projectId: PROJECT }] });
  });

  it("reads an MLflow connection's own config, not a CI one", () => {
    const summary = toConnectionSummary(
      row("mlflow", {
        projectId: PROJECT,
        models: ["churn"],
        intervalMinutes: 5,
        lastImportAt: "2026-01-01",
      }),
    );
    expect(summary).toMatchObject({ kind: "mlflow", hasToken: true });
    expect(summary.config).toEqual({ projectId: PROJECT, models: ["churn"], intervalMinutes: 5 });
  });

  it("reads a Prometheus connection's queries, dropping keys its schema does not name", () => {
    const query = {
      id: "latency",
      promql: "up",
      seriesName: "up",
      kind: "service",
      projectId: PROJECT,
      labels: { env: "prod" },
      stepSeconds: 30,
    };
    const summary = toConnectionSummary(
      row("prometheus", { queries: [{ ...query, secret: "s3cret" }], intervalSeconds: 20, cursors: {} }),
    );
    expect(summary.config).toEqual({ queries: [query], intervalSeconds: 20 });
    expect(JSON.stringify(summary)).not.toContain("s3cret");
  });

  it("answers null for a pull config it cannot read, and nothing for unmanaged kinds", () => {
    expect(toConnectionSummary(row("mlflow", { models: "churn" })).config).toBeNull();
    expect(toConnectionSummary(row("generic", { token: "t0k" })).config).toEqual({});
    expect(toConnectionSummary(row("github", { repositories: "nope" })).config).toEqual({ repositories: [] });
  });
});
