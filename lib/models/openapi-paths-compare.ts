import { z } from "zod";
import { modelVersionStatusEnum, runStatusEnum } from "@/lib/db/schema/enums";
import { errors } from "@/lib/openapi/components";
import { jsonSchema, queryParameters } from "@/lib/openapi/json-schema";
import { compareQuery } from "./compare/schemas";
import { at, deployedIn, modelId, numberMap, stringMap } from "./openapi-paths-schemas";

/** `/models/{modelId}/compare`: 2-10 versions side by side, as JSON or CSV. */

const direction = z.enum(["higher", "lower"]);
const diffRow = z.object({
  key: z.string(),
  values: z.array(z.string().nullable()).describe("One per version, in the order asked; null when absent."),
  differs: z.boolean(),
});

const comparisonOutput = z.object({
  model: z.object({
    id: z.uuid(),
    name: z.string(),
    projectSlug: z.string(),
    primaryMetric: z.string().nullable(),
    primaryMetricDirection: direction,
  }),
  environments: z.array(z.object({ id: z.uuid(), name: z.string(), isProduction: z.boolean() })),
  baseline: z.object({
    version: z.number().int(),
    reason: z
      .enum(["requested", "production", "champion", "first"])
      .describe("Why this baseline: asked for, running in production, holds `champion`, or first picked."),
  }),
  versions: z.array(
    z.object({
      id: z.uuid(),
      version: z.number().int(),
      status: z.enum(modelVersionStatusEnum.enumValues),
      createdAt: at,
      metrics: numberMap,
      params: stringMap,
      tags: stringMap,
      aliases: z.array(z.string()),
      commitSha: z.string().nullable(),
      sourceRun: z
        .object({
          id: z.uuid(),
          runNumber: z.number().int().nullable(),
          status: z.enum(runStatusEnum.enumValues),
          url: z.string().nullable(),
          pipelineName: z.string(),
        })
        .nullable(),
      promotions: z.array(
        z.object({ id: z.uuid(), status: z.string(), environmentName: z.string(), createdAt: at }),
      ),
      deployedIn: z.array(deployedIn),
    }),
  ),
  metrics: z.array(
    z.object({
      key: z.string(),
      direction,
      baselineValue: z.number().nullable(),
      bestValue: z.number().nullable(),
      cells: z.array(
        z.object({
          version: z.number().int(),
          value: z.number().nullable(),
          delta: z.number().nullable().describe("value − baseline"),
          relative: z.number().nullable().describe("delta / |baseline|; null when the baseline is 0"),
          better: z.boolean().nullable(),
          best: z.boolean().describe("Holds the best value; tied versions all do."),
        }),
      ),
    }),
  ),
  params: z.array(diffRow),
  tags: z.array(diffRow),
  history: z.array(
    z.object({
      key: z.string(),
      lines: z.array(
        z.object({
          version: z.number().int(),
          total: z.number().int().describe("Points stored."),
          points: z
            .array(z.tuple([z.number().int(), z.number(), z.number()]).describe("[step, value, epoch ms]"))
            .describe(
              "At most 1,000 `[step, value, epoch ms]` tuples sorted by step, downsampled per step range keeping first, last, min and max.",
            ),
        }),
      ),
    }),
  ),
});

export const modelComparePaths = {
  "/models/{modelId}/compare": {
    get: {
      tags: ["Models"],
      operationId: "compareModelVersions",
      summary: "Compare 2-10 versions: metric deltas to a baseline, params and tags diffs, history",
      description:
        "The baseline defaults to the version running in the project's production environment, else the `champion` alias holder, else the first version asked for. With `format=csv` the answer is a `text/csv` attachment: a row per metric, param and tag.",
      "x-permission": "models:read",
      parameters: [modelId, ...queryParameters(compareQuery)],
      responses: {
        "200": {
          description: "The comparison",
          content: {
            "application/json": { schema: jsonSchema(z.object({ comparison: comparisonOutput }), "output") },
            "text/csv": { schema: { type: "string" } },
          },
        },
        ...errors(400, 401, 403, 404),
      },
    },
  },
};
