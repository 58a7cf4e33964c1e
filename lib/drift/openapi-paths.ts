import { z } from "zod";
import { body, errors, idParameter, json } from "@/lib/openapi/components";
import { jsonSchema, queryParameters } from "@/lib/openapi/json-schema";
import { MIN_SAMPLES, setBaselineBody, submitReportBody } from "./schemas";

/** Drift's part of the OpenAPI document (spread into buildOpenApiDocument). */

const tags = ["Drift"];
const out = (schema: z.ZodType) => jsonSchema(schema, "output");
const at = z.iso.datetime();
const modelId = idParameter("modelId", "The model's id (uuid).");
const feature = {
  name: "feature",
  in: "path" as const,
  required: true,
  description: "The feature name.",
  schema: { type: "string" },
};

const point = z.object({
  reportId: z.uuid(),
  windowStart: at,
  windowEnd: at,
  psi: z.number(),
  ks: z.number().nullable().describe("Null for categorical features."),
  jsDistance: z.number(),
  sampleCount: z.number().int(),
  modelVersionId: z.uuid().nullable(),
});
const driftTable = z.object({
  modelId: z.uuid(),
  features: z.array(
    z.object({
      feature: z.string(),
      referenceKind: z.enum(["samples", "histogram", "categorical"]),
      baselineUpdatedAt: at,
      latest: point.nullable(),
      history: z.array(point).describe("Oldest first."),
      pending: z.number().int(),
      lastError: z.string().nullable(),
    }),
  ),
});

const SCORING = `The drift job computes the population stability index (PSI; < 0.1 stable, > 0.2 significant), the Kolmogorov–Smirnov statistic and the Jensen–Shannon distance (base 2, in [0, 1]) against the feature's reference: samples are binned at the reference's deciles, histograms must share the reference's edges, categories are compared over their union (no KS). Each score is written as a point at the window's end on the series \`drift_psi\`, \`drift_ks\`, \`drift_js\` labelled \`{project, model, feature, version?}\`, so alert rules can watch them.`;

export const driftPaths = {
  "/models/{modelId}/drift": {
    get: {
      tags,
      operationId: "listFeatureDrift",
      summary: "Per feature: latest drift scores and recent history",
      "x-permission": "monitoring:read",
      parameters: [
        modelId,
        ...queryParameters(z.object({ historyLimit: z.number().int().min(1).max(500).optional() })),
      ],
      responses: { "200": json("The drift table", out(driftTable)), ...errors(400, 401, 403, 404) },
    },
  },
  "/models/{modelId}/drift/baselines/{feature}": {
    put: {
      tags,
      operationId: "setDriftBaseline",
      summary: "Set a feature's reference distribution",
      description: `Samples (at least ${MIN_SAMPLES}), a histogram (counts.length = edges.length − 1, non-negative, strictly ascending edges) or category counts. Replaces any earlier reference.`,
      "x-permission": "monitoring:write",
      parameters: [modelId, feature],
      requestBody: body(jsonSchema(setBaselineBody), "JSON, at most 5 MB."),
      responses: {
        "200": json(
          "Stored",
          out(
            z.object({
              baseline: z.object({
                id: z.uuid(),
                modelId: z.uuid(),
                feature: z.string(),
                kind: z.enum(["samples", "histogram", "categorical"]),
                observations: z.number(),
                updatedAt: at,
              }),
            }),
          ),
        ),
        ...errors(400, 401, 403, 404, 413, 415),
      },
    },
  },
  "/models/{modelId}/drift/reports": {
    post: {
      tags,
      operationId: "submitDriftReport",
      summary: "Submit current samples or a histogram of a feature for scoring",
      description: `${SCORING} A report that cannot be scored (no reference, other histogram edges, categorical against numeric) is refused with a 400.`,
      "x-permission": "monitoring:write",
      parameters: [modelId],
      requestBody: body(jsonSchema(submitReportBody), "JSON, at most 5 MB."),
      responses: {
        "202": json(
          "Queued",
          out(z.object({ report: z.object({ id: z.uuid(), status: z.literal("pending") }) })),
        ),
        ...errors(400, 401, 403, 404, 413, 415),
      },
    },
  },
};
