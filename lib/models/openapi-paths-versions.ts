import { z } from "zod";
import { body, errors, json, pageOf } from "@/lib/openapi/components";
import { jsonSchema, queryParameters } from "@/lib/openapi/json-schema";
import { searchItemOutput, versionDetailOutput, versionId } from "./openapi-paths-schemas";
import { appendHistoryBody, searchVersionsQuery } from "./schemas";

/** `/model-versions/**`: search versions, read one, append metric history. */
export const modelVersionPaths = {
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
