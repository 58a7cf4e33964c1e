import { expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing";
import { POST as appendHistory } from "../model-versions/[versionId]/history/route";
import { GET as getVersion } from "../model-versions/[versionId]/route";
import { GET as searchVersions } from "../model-versions/route";
import { DELETE as removeAlias, PUT as setAlias } from "./[modelId]/aliases/[alias]/route";
import { GET as getModel } from "./[modelId]/route";
import { POST as registerVersion } from "./[modelId]/versions/route";
import { modelsApiSuite } from "./models-api-fixture";
import { POST as createModel, GET as listModels } from "./route";

describeEachDatabase("/api/v1/models and /api/v1/model-versions", (kind) => {
  const { call } = modelsApiSuite(kind);

  it("creates a model, registers versions idempotently, moves an alias, searches and reads back", async () => {
    const created = await call(createModel, "POST", "/models", {}, "writer", {
      project: "alpha",
      name: "ranker",
      primaryMetric: "auc",
    });
    expect(created.status).toBe(201);
    const { model } = await created.json();
    expect(model).toMatchObject({ name: "ranker", projectSlug: "alpha", primaryMetric: "auc" });
    const conflict = await call(createModel, "POST", "/models", {}, "writer", {
      project: "alpha",
      name: "ranker",
    });
    expect(conflict.status).toBe(409);
    expect((await conflict.json()).error.code).toBe("conflict");

    const versions = `/models/${model.id}/versions`;
    const params = { modelId: model.id };
    const history = Array.from({ length: 6000 }, (_, step) => ({ key: "loss", step, value: 1 / (step + 1) }));
    const body = {
      clientKey: "gh-4242",
      metrics: { auc: 0.91, latency_p95_ms: 40 },
      params: { lr: 0.01 },
      tags: { team: "search" },
      history,
      sourceRun: { provider: "github", externalId: "4242" },
    };
    const first = await call(registerVersion, "POST", versions, params, "writer", body);
    expect(first.status).toBe(201);
    const registered = await first.json();
    expect(registered).toMatchObject({
      created: true,
      version: {
        version: 1,
        params: { lr: "0.01" },
        lineage: { commitSha: "c0ffee1", sourceRun: { runNumber: 7, pipeline: { name: "train" } } },
        history: [{ key: "loss", points: 6000 }],
      },
    });
    const replay = await call(registerVersion, "POST", versions, params, "writer", {
      ...body,
      metrics: { auc: 0 },
    });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({
      created: false,
      version: { id: registered.version.id, version: 1 },
    });
    const second = await call(registerVersion, "POST", versions, params, "writer", {
      clientKey: "gh-4243",
      metrics: { auc: 0.88, latency_p95_ms: 30 },
    });
    expect(second.status).toBe(201);

    const alias = await call(
      setAlias,
      "PUT",
      `/models/${model.id}/aliases/champion`,
      { ...params, alias: "champion" },
      "writer",
      {
        version: 1,
      },
    );
    expect(alias.status).toBe(200);
    expect(await alias.json()).toMatchObject({
      alias: "champion",
      version: 1,
      previousVersion: null,
      changed: true,
    });

    const detail = await (await call(getModel, "GET", `/models/${model.id}`, params, "reader")).json();
    expect(
      detail.model.versions.map((v: { version: number; aliases: string[] }) => [v.version, v.aliases]),
    ).toEqual([
      [2, []],
      [1, ["champion"]],
    ]);

    // Repeated query parameters: both thresholds apply.
    const search = await call(
      searchVersions,
      "GET",
      `/model-versions?model=${model.id}&metric=${encodeURIComponent("auc>=0.85")}&metric=${encodeURIComponent("latency_p95_ms<=35")}`,
      {},
      "reader",
    );
    expect(search.status).toBe(200);
    expect((await search.json()).items.map((v: { version: number }) => v.version)).toEqual([2]);
    const byAlias = await (
      await call(searchVersions, "GET", `/model-versions?alias=champion&tag=team:search`, {}, "reader")
    ).json();
    expect(byAlias.items.map((v: { version: number }) => v.version)).toEqual([1]);
    const badFilter = await call(searchVersions, "GET", `/model-versions?metric=auc~1`, {}, "reader");
    expect(badFilter.status).toBe(400);
    expect((await badFilter.json()).error.details.fields[0].path).toBe("metric.0");

    const versionId = registered.version.id;
    const appendPath = `/model-versions/${versionId}/history`;
    const points = [{ key: "auc", step: 1, value: 0.9 }];
    const appended = await call(appendHistory, "POST", appendPath, { versionId }, "writer", { points });
    expect(await appended.json()).toEqual({ written: 1 });
    expect(
      await (await call(appendHistory, "POST", appendPath, { versionId }, "writer", { points })).json(),
    ).toEqual({
      written: 0,
    });
    const read = await call(getVersion, "GET", `/model-versions/${versionId}`, { versionId }, "reader");
    expect((await read.json()).version).toMatchObject({
      aliases: ["champion"],
      history: [
        { key: "auc", points: 1 },
        { key: "loss", points: 6000 },
      ],
    });

    const removed = await call(
      removeAlias,
      "DELETE",
      `/models/${model.id}/aliases/champion`,
      { ...params, alias: "champion" },
      "writer",
    );
    expect(await removed.json()).toMatchObject({ changed: true, previousVersion: 1, version: null });
    const listed = await (await call(listModels, "GET", "/models", {}, "reader")).json();
    expect(listed.items.map((m: { name: string }) => m.name)).toEqual(["ranker"]);
    expect(listed.items[0]).toMatchObject({ latestVersion: 2, latestMetric: { version: 2, value: 0.88 } });
    const searched = await call(listModels, "GET", "/models?q=RANK", {}, "reader");
    expect((await searched.json()).items.map((m: { name: string }) => m.name)).toEqual(["ranker"]);
    const missed = await call(listModels, "GET", "/models?q=nothing", {}, "reader");
    expect((await missed.json()).items).toEqual([]);

    // The model page's table: one page, sorted by a metric, and one metric across versions.
    const page = await call(
      getModel,
      "GET",
      `/models/${model.id}?sort=latency_p95_ms&dir=asc&limit=1&offset=0&metric=latency_p95_ms`,
      params,
      "reader",
    );
    expect(page.status).toBe(200);
    const { model: paged } = await page.json();
    expect(paged.versions.map((v: { version: number }) => v.version)).toEqual([2]);
    expect(paged).toMatchObject({
      versionCount: 2,
      metricColumns: ["auc", "latency_p95_ms"],
      versionsPage: { sort: "latency_p95_ms", dir: "asc", offset: 0, limit: 1 },
      metricSeries: {
        metric: "latency_p95_ms",
        points: [
          { version: 1, value: 40 },
          { version: 2, value: 30 },
        ],
      },
    });
    const bad = await call(getModel, "GET", `/models/${model.id}?limit=0`, params, "reader");
    expect(bad.status).toBe(400);
  });
});
