import { expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing";
import { GET as getModel } from "./[modelId]/route";
import { POST as registerVersion } from "./[modelId]/versions/route";
import { modelsApiSuite } from "./models-api-fixture";
import { POST as createModel } from "./route";

describeEachDatabase("/api/v1/models refusals", (kind) => {
  const api = modelsApiSuite(kind);
  const { call } = api;

  it("answers 400 naming the field and writes nothing, 415 for other content types", async () => {
    const { model } = await (
      await call(createModel, "POST", "/models", {}, "writer", { project: "alpha", name: "validated" })
    ).json();
    const params = { modelId: model.id };
    const path = `/models/${model.id}/versions`;
    const history: { key: string; step: number; value: unknown }[] = Array.from(
      { length: 1000 },
      (_, step) => ({
        key: "loss",
        step,
        value: step,
      }),
    );
    history[10] = { key: "loss", step: 10, value: "high" };
    const bad = await call(registerVersion, "POST", path, params, "writer", { clientKey: "k", history });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({
      code: "invalid_request",
      details: { fields: [{ path: "history.10.value" }] },
    });
    const unknownRun = await call(registerVersion, "POST", path, params, "writer", {
      clientKey: "k",
      sourceRun: { provider: "gitlab", externalId: "4242" },
    });
    expect(unknownRun.status).toBe(400);
    expect((await unknownRun.json()).error.details.fields[0].path).toBe("sourceRun");
    const text = await call(
      registerVersion,
      "POST",
      path,
      params,
      "writer",
      { clientKey: "k" },
      "text/plain",
    );
    expect(text.status).toBe(415);
    const detail = await (await call(getModel, "GET", `/models/${model.id}`, params, "reader")).json();
    expect(detail.model.versionCount).toBe(0);
  });

  it("answers 403 without models:write and 404 outside a project-limited token's projects", async () => {
    const { model } = await (
      await call(createModel, "POST", "/models", {}, "writer", { project: "alpha", name: "guarded" })
    ).json();
    const params = { modelId: model.id };
    const forbidden = await call(
      registerVersion,
      "POST",
      `/models/${model.id}/versions`,
      params,
      "viewer-wide",
      {
        clientKey: "k",
      },
    );
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error.details).toEqual({ permission: "models:write" });
    expect(
      (await call(createModel, "POST", "/models", {}, "reader", { project: "alpha", name: "x" })).status,
    ).toBe(403);
    for (const response of [
      await call(getModel, "GET", `/models/${model.id}`, params, "beta-writer"),
      await call(registerVersion, "POST", `/models/${model.id}/versions`, params, "beta-writer", {
        clientKey: "k",
      }),
      await call(createModel, "POST", "/models", {}, "beta-writer", { project: "alpha", name: "sneaky" }),
    ]) {
      expect(response.status).toBe(404);
    }
    const own = await call(createModel, "POST", "/models", {}, "beta-writer", {
      project: "beta",
      name: "own",
    });
    expect(own.status).toBe(201);
    expect((await own.json()).model.projectId).toBe(api.betaId);
  });
});
