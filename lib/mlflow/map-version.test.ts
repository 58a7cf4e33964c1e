import { describe, expect, it } from "vitest";
import { modelVersionSchema, runSchema } from "./client";
import { aliasOf, historyOf, metricKeyOf, registrationOf, statusOf } from "./map-version";

describe("statusOf", () => {
  it.each([
    [{ status: "READY", current_stage: "Production" }, "ready"],
    [{ status: "READY", current_stage: "Archived" }, "archived"],
    [{ status: "FAILED_REGISTRATION", current_stage: "None" }, "failed"],
    [{ status: "PENDING_REGISTRATION" }, "registered"],
    [{}, "ready"],
  ])("%o is %s", (version, expected) => {
    expect(statusOf(version)).toBe(expected);
  });
});

describe("keys MLflow allows and Tandem does not", () => {
  it("cleans metric keys and aliases, or gives up on them", () => {
    expect(metricKeyOf("val auc (macro)")).toBe("val_auc__macro_");
    expect(metricKeyOf("eval/f1@10")).toBe("eval/f1@10");
    expect(aliasOf("Champion")).toBe("champion");
    expect(aliasOf("1st")).toBeNull();
  });

  it("skips non-finite values and negative steps in history", () => {
    const points = historyOf("loss", [
      { key: "loss", value: 0.5, step: 0, timestamp: 1_700_000_000_000 },
      { key: "loss", value: Number.NaN, step: 1 },
      { key: "loss", value: 0.4, step: -1 },
      { key: "loss", value: 0.3, step: 2 },
    ]);
    expect(points).toEqual([
      { key: "loss", step: 0, value: 0.5, ts: "2023-11-14T22:13:20.000Z" },
      { key: "loss", step: 2, value: 0.3 },
    ]);
  });
});

describe("registrationOf", () => {
  it("maps a documented model version and run to a registration with mlflow.* tags", () => {
    const version = modelVersionSchema.parse({
      name: "churn",
      version: "3",
      creation_timestamp: 1_700_000_000_000,
      last_updated_timestamp: 1_700_000_500_000,
      user_id: "ana",
      current_stage: "Staging",
      source: "s3://bucket/churn/3",
      run_id: "abc",
      status: "READY",
      tags: [{ key: "owner:team", value: "ml" }],
    });
    const run = runSchema.parse({
      info: { run_id: "abc", experiment_id: "4" },
      data: {
        metrics: [{ key: "auc", value: 0.91, timestamp: 1, step: 3 }],
        params: [{ key: "lr", value: "0.1" }],
        tags: [{ key: "mlflow.log-model.history", value: "[...]" }],
      },
    });
    expect(registrationOf("https://mlflow.example.com/", version, run, [])).toEqual({
      clientKey: "mlflow:churn:3",
      artifactUri: "s3://bucket/churn/3",
      params: { lr: "0.1" },
      metrics: { auc: 0.91 },
      history: [],
      createdBy: "ana",
      tags: {
        owner_team: "ml",
        "mlflow.model_url": "https://mlflow.example.com/#/models/churn/versions/3",
        "mlflow.run_id": "abc",
        "mlflow.run_url": "https://mlflow.example.com/#/experiments/4/runs/abc",
        "mlflow.stage": "Staging",
        "mlflow.last_updated_timestamp": "1700000500000",
      },
    });
  });
});
