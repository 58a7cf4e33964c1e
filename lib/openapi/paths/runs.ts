import { z } from "zod";
import { listRunsQuery } from "@/lib/runs/list-runs-query";
import { reportJobsBody, reportRunBody } from "@/lib/runs/report-schemas";
import { body, errors, idParameter, json, pageOf } from "../components";
import { jsonSchema, queryParameters } from "../json-schema";
import { runDetailOutput, runListItemOutput } from "../output-schemas";

const reportResult = z.object({
  run: runDetailOutput,
  created: z.boolean(),
  applied: z.boolean().describe("False for a replay or a report older than the stored state."),
});

/** Runs: the list, and the "any other CI" API (report a run, add jobs, read one back). */
export const runPaths = {
  "/runs": {
    get: {
      tags: ["Runs"],
      operationId: "listRuns",
      summary: "List pipeline runs across providers, newest first (keyset pages)",
      "x-permission": "runs:read",
      parameters: queryParameters(listRunsQuery),
      responses: {
        "200": json("A page of runs", pageOf(jsonSchema(runListItemOutput, "output"))),
        ...errors(400, 401, 403, 404),
      },
    },
  },
  "/runs/{provider}/{externalId}": {
    put: {
      tags: ["Runs"],
      operationId: "reportRun",
      summary: "Report a run from any CI (idempotent upsert)",
      description:
        "Creates or updates the run `externalId` of `provider`. Replays and older reports change nothing: a late `running` never overwrites `succeeded`; a higher `attempt` (re-run) always applies. The pipeline is created on first use; its `externalId` defaults to the slugified name. Everything, jobs included, is validated before anything is written.",
      "x-permission": "runs:write",
      parameters: [
        {
          name: "provider",
          in: "path",
          required: true,
          schema: { type: "string", enum: ["github", "gitlab", "azure_devops", "generic"] },
          description: "Use `generic` for Jenkins, CircleCI, scripts and anything else.",
        },
        {
          name: "externalId",
          in: "path",
          required: true,
          schema: { type: "string", maxLength: 200 },
          description: "Your CI's id for this run.",
        },
      ],
      requestBody: body(jsonSchema(reportRunBody)),
      responses: {
        "201": json("The run was created", jsonSchema(reportResult, "output")),
        "200": json(
          "The run existed; `applied` says whether this report changed it",
          jsonSchema(reportResult, "output"),
        ),
        ...errors(400, 401, 403, 404, 413, 415),
      },
    },
  },
  "/runs/{id}": {
    get: {
      tags: ["Runs"],
      operationId: "getRun",
      summary: "One run with its pipeline and jobs",
      "x-permission": "runs:read",
      parameters: [idParameter("id", "The run's Tandem id (from the report answer).")],
      responses: {
        "200": json("The run", jsonSchema(z.object({ run: runDetailOutput }), "output")),
        ...errors(401, 403, 404),
      },
    },
  },
  "/runs/{id}/jobs": {
    post: {
      tags: ["Runs"],
      operationId: "reportJobs",
      summary: "Add or update jobs (stages) of a run",
      "x-permission": "runs:write",
      parameters: [idParameter("id", "The run's Tandem id.")],
      requestBody: body(jsonSchema(reportJobsBody)),
      responses: {
        "200": json(
          "How many jobs were written (new or updated; older reports of a job are skipped)",
          jsonSchema(z.object({ runId: z.uuid(), count: z.number().int() }), "output"),
        ),
        ...errors(400, 401, 403, 404, 413, 415),
      },
    },
  },
};
