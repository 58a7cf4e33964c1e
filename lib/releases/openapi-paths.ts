import { z } from "zod";
import { deploymentStatusEnum, promotionStatusEnum, runStatusEnum } from "@/lib/db/schema/enums";
import { body, errors, idParameter, json, pageOf } from "@/lib/openapi/components";
import { jsonSchema, queryParameters } from "@/lib/openapi/json-schema";
import { createReleaseBody, listReleasesQuery } from "./schemas";

/** The releases API's part of the OpenAPI document (registered in lib/openapi/build-document.ts). */

const at = z.iso.datetime();

const deployedIn = z.object({
  environmentId: z.uuid(),
  environmentSlug: z.string(),
  environmentName: z.string(),
  position: z.number().int(),
  isProduction: z.boolean(),
  deploymentId: z.uuid(),
  deployedAt: at,
});

export const releaseOutput = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectSlug: z.string(),
  version: z.string(),
  commitSha: z.string().nullable(),
  artifactUri: z.string().nullable(),
  buildRunId: z.uuid().nullable(),
  createdBy: z.string().nullable(),
  createdAt: at,
  modelVersionIds: z.array(z.uuid()),
});

export const releaseListItemOutput = releaseOutput.omit({ modelVersionIds: true }).extend({
  projectName: z.string(),
  modelVersionCount: z.number().int(),
  deployedIn: z.array(deployedIn),
});

const commit = z.object({
  sha: z.string(),
  title: z.string().nullable(),
  author: z.string().nullable(),
  url: z.string().nullable(),
  at,
});

export const releaseDetailOutput = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectSlug: z.string(),
  projectName: z.string(),
  version: z.string(),
  commitSha: z.string().nullable(),
  artifactUri: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: at,
  buildRun: z
    .object({
      id: z.uuid(),
      pipelineName: z.string(),
      runNumber: z.number().int().nullable(),
      status: z.enum(runStatusEnum.enumValues),
      branch: z.string().nullable(),
      commitSha: z.string().nullable(),
      title: z.string().nullable(),
      url: z.string().nullable(),
      queuedAt: at,
    })
    .nullable(),
  modelVersions: z.array(
    z.object({
      id: z.uuid(),
      modelId: z.uuid(),
      modelName: z.string(),
      version: z.number().int(),
      status: z.string(),
      primaryMetric: z.string().nullable(),
      primaryMetricDirection: z.enum(["higher", "lower"]),
      primaryMetricValue: z.number().nullable(),
    }),
  ),
  environments: z.array(
    z.object({
      id: z.uuid(),
      slug: z.string(),
      name: z.string(),
      position: z.number().int(),
      isProduction: z.boolean(),
      runsHere: z.boolean().describe("This release is what runs in the environment now."),
      current: z.object({ releaseId: z.uuid(), version: z.string(), deployedAt: at }).nullable(),
      deployments: z.array(
        z.object({
          id: z.uuid(),
          status: z.enum(deploymentStatusEnum.enumValues),
          isRollback: z.boolean(),
          actor: z.string().nullable(),
          url: z.string().nullable(),
          promotionRequestId: z.uuid().nullable(),
          startedAt: at,
          finishedAt: at.nullable(),
        }),
      ),
    }),
  ),
  promotionRequests: z.array(
    z.object({
      id: z.uuid(),
      environmentId: z.uuid(),
      environmentName: z.string(),
      status: z.enum(promotionStatusEnum.enumValues),
      reason: z.string(),
      emergency: z.boolean(),
      isRollback: z.boolean(),
      requestedBy: z.string(),
      createdAt: at,
      expiresAt: at,
    }),
  ),
  production: z
    .object({
      environmentId: z.uuid(),
      name: z.string(),
      releaseId: z.uuid().nullable(),
      version: z.string().nullable(),
      isNewer: z.boolean().describe("Production runs a release created after this one."),
    })
    .nullable(),
  commitsSinceProduction: z
    .object({ commits: z.array(commit), more: z.number().int() })
    .nullable()
    .describe("Commits this release adds to what runs in production; null when either build is unknown."),
});

const created = jsonSchema(z.object({ release: releaseOutput }), "output");

export const releasePaths = {
  "/releases": {
    get: {
      tags: ["Releases"],
      operationId: "listReleases",
      summary: "Releases newest first, with where each runs now",
      "x-permission": "deployments:read",
      parameters: queryParameters(listReleasesQuery.extend({ project: z.string().optional() })),
      responses: {
        "200": json("A page of releases", pageOf(jsonSchema(releaseListItemOutput, "output"))),
        ...errors(400, 401, 403, 404),
      },
    },
    post: {
      tags: ["Releases"],
      operationId: "createRelease",
      summary: "Record a release: a build and/or model versions (idempotent on version)",
      description:
        "The version is unique per project. Sending the same version again with the same contents (commit, artifact, build run, model versions) answers 200 with the existing release and writes nothing; different contents answer 409. `buildRun` links the CI run by provider and external id (report the run first; 400 when unknown); the commit defaults to the build run's. Model versions must belong to the same project.",
      "x-permission": "deployments:write",
      requestBody: body(jsonSchema(createReleaseBody)),
      responses: {
        "201": json("The release was created", created),
        "200": json("The same release already existed", created),
        ...errors(400, 401, 403, 404, 409, 415),
      },
    },
  },
  "/releases/{id}": {
    get: {
      tags: ["Releases"],
      operationId: "getRelease",
      summary:
        "A release: contents, deployments per environment, promotion requests, commits since production",
      "x-permission": "deployments:read",
      parameters: [idParameter("id", "The release id (uuid).")],
      responses: {
        "200": json("The release", jsonSchema(z.object({ release: releaseDetailOutput }), "output")),
        ...errors(401, 403, 404),
      },
    },
  },
};
