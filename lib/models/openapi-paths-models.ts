import { z } from "zod";
import { body, errors, json } from "@/lib/openapi/components";
import { jsonSchema, queryParameters } from "@/lib/openapi/json-schema";
import { readPaths } from "@/lib/openapi/paths/reads";
import { getModelQuery } from "./get-model-input";
import { listModelsInput } from "./list-models";
import {
  aliasParameter,
  aliasResult,
  modelDetailOutput,
  modelId,
  modelOutput,
  registerResult,
} from "./openapi-paths-schemas";
import { createModelBody, registerVersionBody, setAliasBody } from "./schemas";

/** `/models/**`: create and read models, register versions, move aliases. */
export const modelItemPaths = {
  "/models": {
    get: {
      ...readPaths["/models"].get,
      summary: "Registered models with latest, champion and production versions and the primary-metric trend",
      parameters: [
        ...readPaths["/models"].get.parameters,
        ...queryParameters(listModelsInput.pick({ q: true })),
      ],
    },
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
      summary:
        "A model with a page of its versions, aliases, where each version runs, and a metric across versions",
      description:
        "The versions table is paged server-side (`offset`, `limit`) and sorted by `version` or by a metric key (`sort`, `dir`; versions without the metric sort last in either direction, ties newest first). `metricSeries` is one metric (`metric`, default the first of `metricColumns`) across the newest 1,000 versions.",
      "x-permission": "models:read",
      parameters: [modelId, ...queryParameters(getModelQuery)],
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
};
