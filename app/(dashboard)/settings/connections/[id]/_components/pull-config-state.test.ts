import { describe, expect, it } from "vitest";
import type { PrometheusConnectionConfig } from "@/lib/connections/config-schema";
import { mlflowConfigInput } from "../../_components/mlflow-config-fields";
import { prometheusConfigInput } from "../../_components/prometheus-query-fields";
import { mlflowState, type PullConnection, prometheusIntervalState, queryRows } from "./pull-config-state";

const PROJECT = "5f1c8a52-4a8e-4c4b-9a43-3c0d1c8e7b10";
const base = {
  id: "0b6f6a43-1d6f-4f2b-8f3e-4a4c3e0b9f11",
  name: "Pull",
  baseUrl: "https://example.com",
  enabled: true,
  hasToken: false,
  lastDeliveryAt: null,
  lastSyncAt: null,
  lastError: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  webhookUrl: null,
  hasWebhookSecret: false,
};

describe("pull connection edit state", () => {
  it("round-trips a stored MLflow config through the form", () => {
    const config = { projectId: PROJECT, models: ["churn", "fraud"], intervalMinutes: 30 };
    const connection: PullConnection = { ...base, kind: "mlflow", config };
    expect(mlflowState(connection)).toEqual({
      projectId: PROJECT,
      models: "churn\nfraud",
      intervalMinutes: "30",
    });
    expect(mlflowConfigInput(mlflowState(connection))).toEqual(config);
  });

  it("round-trips stored Prometheus queries, labels and units included", () => {
    const config: PrometheusConnectionConfig = {
      queries: [
        {
          id: "latency",
          promql: "histogram_quantile(0.95, rate(x_bucket[5m]))",
          seriesName: "latency_p95",
          kind: "service",
          projectId: PROJECT,
          labels: { environment: "production", service: "api" },
          unit: "seconds",
          stepSeconds: 30,
        },
        {
          id: "up",
          promql: "up",
          seriesName: "up",
          kind: "model",
          projectId: PROJECT,
          labels: {},
          stepSeconds: 60,
        },
      ],
      intervalSeconds: 20,
    };
    const connection: PullConnection = { ...base, kind: "prometheus", config };
    expect(prometheusConfigInput(queryRows(connection), prometheusIntervalState(connection))).toEqual(config);
  });

  it("starts an unreadable config as an empty form", () => {
    expect(mlflowState({ ...base, kind: "mlflow", config: null })).toEqual({
      projectId: "",
      models: "",
      intervalMinutes: "15",
    });
    const prometheus: PullConnection = { ...base, kind: "prometheus", config: null };
    expect(queryRows(prometheus)).toEqual([]);
    expect(prometheusIntervalState(prometheus)).toBe("60");
  });
});
