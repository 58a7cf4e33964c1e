import { z } from "zod";
import { modelVersionStatusEnum, providerEnum, runStatusEnum } from "@/lib/db/schema/enums";
import { body, errors, idParameter, json, pageOf } from "@/lib/openapi/components";
import { jsonSchema, queryParameters } from "@/lib/openapi/json-schema";
import { readPaths } from "@/lib/openapi/paths/reads";
import {
  appendHistoryBody,
  createModelBody,
  registerVersionBody,
  searchVersionsQuery,
  setAliasBody,
} from "./schemas";

/**
 * The model registry's part of the OpenAPI document. Meant for lib/openapi/paths/models.ts:
 * spread `modelPaths` after `readPaths` in buildOpenApiDocument (its `/models` item keeps
 * the documented GET and adds POST).
 */

const at = z.iso.datetime();
const status = z.enum(modelVersionStatusEnum.enumValues);
const stringMap = z.record(z.string(), z.string());
const numberMap = z.record(z.string(), z.number());

const modelOutput = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectSlug: z.string(),
  name: z.string(),
  description: z.string(),
  owner: z.string().nullable(),
  tags: stringMap,
  primaryMetric: z.string().nullable(),
  primaryMetricDirection: z.enum(["higher", "lower"]),
  createdAt: at,
  updatedAt: at,
});

const deployedIn = z.object({
  environmentId: z.uuid(),
  environmentSlug: z.string(),
  environmentName: z.string(),
  position: z.number().int(),
  isProduction: z.boolean(),
  deploymentId: z.uuid(),
  deployedAt: at,
});

const modelDetailOutput = modelOutput.omit({ projectId: true, projectSlug: true }).extend({
  project: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  environments: z.array(
    z.object({
      id: z.uuid(),
      slug: z.string(),
      name: z.string(),
      position: z.number().int(),
      isProduction: z.boolean(),
    }),
  ),
  aliases: z.array(
    z.object({ alias: z.string(), version: z.number().int(), versionId: z.uuid(), updatedAt: at }),
  ),
  versionCount: z.number().int(),
  versions: z
    .array(
      z.object({
        id: z.uuid(),
        version: z.number().int(),
        status,
        metrics: numberMap,
        aliases: z.array(z.string()),
        createdAt: at,
        deployedIn: z
          .array(deployedIn)
          .describe("Where it runs now: the latest succeeded deployment of this model per environment."),
      }),
    )
    .describe("Newest first, at most 1,000."),
});

const versionDetailOutput = z.object({
  id: z.uuid(),
  modelId: z.uuid(),
  modelName: z.string(),
  projectId: z.uuid(),
  projectSlug: z.string(),
  version: z.number().int(),
  status,
  artifactUri: z.string().nullable(),
  framework: z.string().nullable(),
  params: stringMap,
  tags: stringMap,
  metrics: numberMap,
  datasets: z.array(
    z.object({
      name: z.string(),
      uri: z.string(),
      digest: z.string().optional(),
      role: z.string().optional(),
    }),
  ),
  commitSha: z.string().nullable(),
  createdBy: z.string().nullable(),
  clientKey: z.string().nullable(),
  createdAt: at,
  aliases: z.array(z.string()),
  lineage: z.object({
    commitSha: z.string().nullable(),
    sourceRun: z
      .object({
        id: z.uuid(),
        provider: z.enum(providerEnum.enumValues),
        externalId: z.string(),
        runNumber: z.number().int().nullable(),
        status: z.enum(runStatusEnum.enumValues),
        url: z.string().nullable(),
        commitSha: z.string().nullable(),
        branch: z.string().nullable(),
        queuedAt: at,
        pipeline: z.object({
          id: z.uuid(),
          externalId: z.string(),
          name: z.string(),
          kind: z.string(),
          url: z.string().nullable(),
        }),
      })
      .nullable(),
  }),
  deployments: z.array(
    z.object({
      id: z.uuid(),
      environmentId: z.uuid(),
      environmentSlug: z.string(),
      environmentName: z.string(),
      isProduction: z.boolean(),
      status: z.string(),
      isRollback: z.boolean(),
      actor: z.string().nullable(),
      url: z.string().nullable(),
      startedAt: at,
      finishedAt: at.nullable(),
      current: z.boolean().describe("This version runs in the environment now."),
    }),
  ),
  history: z.array(
    z.object({
      key: z.string(),
      points: z.number().int(),
      firstStep: z.number().int(),
      lastStep: z.number().int(),
    }),
  ),
});

const searchItemOutput = z.object({
  id: z.uuid(),
  modelId: z.uuid(),
  modelName: z.string(),
  projectSlug: z.string(),
  version: z.number().int(),
  status,
  framework: z.string().nullable(),
  metrics: numberMap,
  tags: stringMap,
  commitSha: z.string().nullable(),
  aliases: z.array(z.string()),
  createdAt: at,
});

const aliasResult = z.object({
  alias: z.string(),
  version: z.number().int().nullable(),
  versionId: z.uuid().nullable(),
  previousVersion: z.number().int().nullable(),
  previousVersionId: z.uuid().nullable(),
  changed: z.boolean().describe("False when nothing was written (already there, or already removed)."),
});

const registerResult = z.object({ version: versionDetailOutput, created: z.boolean() });
const modelId = idParameter("modelId", "The model's id (uuid).");
const versionId = idParameter("versionId", "The model version's id (uuid).");
const aliasParameter = {
  name: "alias",
  in: "path" as const,
  required: true,
  description: "Lowercase alias name, e.g. `champion`.",
  schema: { type: "string", pattern: "^[a-z][a-z0-9_-]{0,62}$" },
};

export const modelPaths = {
  "/models": {
    ...readPaths["/models"],
    post: {
      tags: ["Models"],
      operationId: "createModel",
      summary: "Create a model in a project",
      "x-permission": "models:write",
      requestBody: body(jsonSchema(createModelBody)),
      responses: {
        "201": json("The model", jsonSchema(z.object({ model: modelOutput }), "output")),
        ...errors(400, 401, 403, 404, 409, 415),
      },
    },
  },
  "/models/{modelId}": {
    get: {
      tags: ["Models"],
      operationId: "getModel",
      summary: "A model with its versions, aliases and where each version runs",
      "x-permission": "models:read",
      parameters: [modelId],
      responses: {
        "200": json("The model", jsonSchema(z.object({ model: modelDetailOutput }), "output")),
        ...errors(401, 403, 404),
      },
    },
  },
  "/models/{modelId}/versions": {
    post: {
      tags: ["Models"],
      operationId: "registerModelVersion",
      summary: "Register a version with metrics, params, tags and history (idempotent)",
      description:
        "Numbers the version max+1 per model. Idempotent on `clientKey`: the same key again answers 200 with the version first created, even when the body differs, and writes nothing. `sourceRun` links the training run by provider and external id (report the run first; 400 when it is unknown). Params and tags may be strings, numbers or booleans and are stored as strings. Up to 100,000 history points; a later point with the same key and step replaces an earlier one.",
      "x-permission": "models:write",
      parameters: [modelId],
      requestBody: body(jsonSchema(registerVersionBody)),
      responses: {
        "201": json("The version was created", jsonSchema(registerResult, "output")),
        "200": json(
          "The client key was used before: the existing version",
          jsonSchema(registerResult, "output"),
        ),
        ...errors(400, 401, 403, 404, 413, 415),
      },
    },
  },
  "/models/{modelId}/aliases/{alias}": {
    put: {
      tags: ["Models"],
      operationId: "setModelAlias",
      summary: "Point an alias at a version (moves it from any other)",
      "x-permission": "models:write",
      parameters: [modelId, aliasParameter],
      requestBody: body(jsonSchema(setAliasBody)),
      responses: {
        "200": json("The move", jsonSchema(aliasResult, "output")),
        ...errors(400, 401, 403, 404, 415),
      },
    },
    delete: {
      tags: ["Models"],
      operationId: "removeModelAlias",
      summary: "Remove an alias (200 with `changed: false` when it was not set)",
      "x-permission": "models:write",
      parameters: [modelId, aliasParameter],
      responses: {
        "200": json("The removal", jsonSchema(aliasResult, "output")),
        ...errors(400, 401, 403, 404),
      },
    },
  },
  "/model-versions": {
    get: {
      tags: ["Models"],
      operationId: "searchModelVersions",
      summary: "Search versions by model, alias, tags and metric thresholds (keyset pages)",
      "x-permission": "models:read",
      parameters: queryParameters(searchVersionsQuery),
      responses: {
        "200": json("A page of versions, newest first", pageOf(jsonSchema(searchItemOutput, "output"))),
        ...errors(400, 401, 403, 404),
      },
    },
  },
  "/model-versions/{versionId}": {
    get: {
      tags: ["Models"],
      operationId: "getModelVersion",
      summary: "A version with params, tags, metrics, lineage and deployments",
      "x-permission": "models:read",
      parameters: [versionId],
      responses: {
        "200": json("The version", jsonSchema(z.object({ version: versionDetailOutput }), "output")),
        ...errors(401, 403, 404),
      },
    },
  },
  "/model-versions/{versionId}/history": {
    post: {
      tags: ["Models"],
      operationId: "appendModelMetricHistory",
      summary: "Append metric history in batches (upsert on key and step)",
      "x-permission": "models:write",
      parameters: [versionId],
      requestBody: body(jsonSchema(appendHistoryBody)),
      responses: {
        "200": json(
          "How many points were inserted or changed (0 for a repeated batch)",
          jsonSchema(z.object({ written: z.number().int() }), "output"),
        ),
        ...errors(400, 401, 403, 404, 413, 415),
      },
    },
  },
};
