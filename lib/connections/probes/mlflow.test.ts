import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unreachableOrigin } from "../testing/fake-http";
import { type FakeMlflow, startFakeMlflow } from "../testing/fake-mlflow";
import { probeMlflow } from "./mlflow";

describe("probeMlflow", () => {
  let mlflow: FakeMlflow;
  beforeAll(async () => {
    mlflow = await startFakeMlflow({
      token: "tok",
      state: { runs: {}, models: [{ name: "churn", aliases: {}, versions: [] }] },
    });
  });
  afterAll(() => mlflow.close());
  const headers = { authorization: "Bearer tok" };

  it("lists the registry and reports each configured model", async () => {
    const result = await probeMlflow({ baseUrl: mlflow.baseUrl, headers, models: ["churn", "nope"] });
    expect(result.error).toBeNull();
    expect(result.ok).toBe(false);
    expect(result.findings).toEqual([
      { name: "Model registry", ok: true, detail: "1 registered models visible" },
      { name: "churn", ok: true, detail: "no versions yet" },
      { name: "nope", ok: false, detail: "not found, or the sign-in cannot see it" },
    ]);
    expect(mlflow.requests[0]?.path).toBe("/api/2.0/mlflow/registered-models/search");
  });

  it("explains a refused sign-in and an unreachable server", async () => {
    expect((await probeMlflow({ baseUrl: mlflow.baseUrl, headers: {}, models: [] })).error).toBe(
      "the token was refused by MLflow",
    );
    const origin = await unreachableOrigin();
    expect((await probeMlflow({ baseUrl: origin, headers, models: [] })).error).toMatch(/could not reach/);
  });
});
