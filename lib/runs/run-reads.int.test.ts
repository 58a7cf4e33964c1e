import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import {
  expectAppError,
  inRollback,
  insertDeployment,
  insertEnvironment,
  insertModel,
  insertModelVersion,
  insertPipeline,
  insertProject,
  insertRun,
  testActor,
} from "@/lib/db/test-factories";
import { createTestDatabase, describeEachDatabase } from "@/lib/db/testing";
import { getPipelineTrend } from "./get-pipeline-trend";
import { listRunOutputs } from "./list-run-outputs";

const NOW = new Date("2026-03-10T12:00:00.000Z");
const DAY = 86_400_000;
const ago = (days: number, plusSeconds = 0) => new Date(NOW.getTime() - days * DAY + plusSeconds * 1000);

describeEachDatabase("run detail and pipeline reads", (kind) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(() => handle?.drop());
  const viewer = testActor("viewer");

  it("lists the model versions a run produced and the deployments it performed", () =>
    inRollback(handle.db, async (db) => {
      const project = await insertProject(db, { slug: "ml", name: "ML" });
      const pipeline = await insertPipeline(db, project.id, { kind: "training" });
      const run = await insertRun(db, pipeline);
      const other = await insertRun(db, pipeline);
      const model = await insertModel(db, project.id, { name: "ranker" });
      const v1 = await insertModelVersion(db, model.id, 1, { sourceRunId: run.id });
      await insertModelVersion(db, model.id, 2, { sourceRunId: other.id });
      const env = await insertEnvironment(db, project.id, { slug: "staging", name: "Staging" });
      const deployed = await insertDeployment(db, env, { modelVersionId: v1.id, runId: run.id });
      await insertDeployment(db, env, { modelVersionId: v1.id, runId: other.id });

      const outputs = await listRunOutputs({ db, actor: viewer }, { runId: run.id });
      expect(outputs.modelVersions).toEqual([
        expect.objectContaining({ id: v1.id, modelId: model.id, modelName: "ranker", version: 1 }),
      ]);
      expect(outputs.deployments).toEqual([
        expect.objectContaining({ id: deployed.id, environmentSlug: "staging", projectSlug: "ml" }),
      ]);
      const none = await listRunOutputs({ db, actor: viewer }, { runId: (await insertRun(db, pipeline)).id });
      expect(none).toEqual({ modelVersions: [], deployments: [] });
    }));

  it("aggregates a pipeline's runs per day: outcomes and duration percentiles", () =>
    inRollback(handle.db, async (db) => {
      const project = await insertProject(db);
      const pipeline = await insertPipeline(db, project.id, { name: "Build" });
      const finished = (days: number, seconds: number, status: "succeeded" | "failed") =>
        insertRun(db, pipeline, {
          status,
          queuedAt: ago(days),
          startedAt: ago(days),
          finishedAt: ago(days, seconds),
        });
      await finished(1, 60, "succeeded");
      await finished(1, 120, "succeeded");
      await finished(1, 600, "failed");
      await insertRun(db, pipeline, { status: "running", queuedAt: ago(1), startedAt: ago(1) });
      await finished(3, 30, "succeeded");
      await finished(40, 30, "failed"); // outside a 7-day range
      // Another pipeline's runs never count.
      await insertRun(db, await insertPipeline(db, project.id), { queuedAt: ago(1) });

      const trend = await getPipelineTrend(
        { db, actor: viewer, now: NOW },
        { pipelineId: pipeline.id, rangeMs: 7 * DAY },
      );
      expect(trend.bucket).toBe("day");
      expect(trend.pipeline).toMatchObject({ id: pipeline.id, name: "Build", projectId: project.id });
      expect(trend.buckets).toEqual([
        {
          bucketStart: "2026-03-07T00:00:00Z",
          succeeded: 1,
          failed: 0,
          other: 0,
          p50Seconds: 30,
          p95Seconds: 30,
        },
        {
          bucketStart: "2026-03-09T00:00:00Z",
          succeeded: 2,
          failed: 1,
          other: 1,
          p50Seconds: 120,
          p95Seconds: 552,
        },
      ]);
      const hourly = await getPipelineTrend(
        { db, actor: viewer, now: NOW },
        { pipelineId: pipeline.id, rangeMs: DAY + 1 },
      );
      expect(hourly.bucket).toBe("hour");
    }));

  it("hides a pipeline outside the actor's projects, and unknown ids, behind a 404", () =>
    inRollback(handle.db, async (db) => {
      const mine = await insertProject(db);
      const theirs = await insertProject(db);
      const pipeline = await insertPipeline(db, theirs.id);
      const limited = testActor("viewer", [mine.id]);
      await expectAppError(
        getPipelineTrend({ db, actor: limited }, { pipelineId: pipeline.id, rangeMs: DAY }),
        "not_found",
      );
      await expectAppError(
        getPipelineTrend({ db, actor: viewer }, { pipelineId: "nope", rangeMs: DAY }),
        "not_found",
      );
      await expectAppError(
        getPipelineTrend(
          { db, actor: viewer },
          { pipelineId: "00000000-0000-4000-8000-000000000000", rangeMs: DAY },
        ),
        "not_found",
      );
    }));
});
