import { z } from "zod";
import { seriesKindEnum } from "@/lib/db/schema/enums";
import { body, errors, json, pageOf } from "@/lib/openapi/components";
import { jsonSchema, queryParameters } from "@/lib/openapi/json-schema";
import { INGEST_LIMITS, metricBatchSchema } from "./ingest/batch-schema";
import { listSeriesInput } from "./list-series";

/**
 * Monitoring's part of the OpenAPI document, written beside the verbs whose schemas it
 * reuses. Meant for lib/openapi: spread `monitoringPaths` into buildOpenApiDocument.
 */

const tags = ["Monitoring"];
const out = (schema: z.ZodType) => jsonSchema(schema, "output");
const at = z.iso.datetime();

// The runtime schema only checks that points is an array (a loop checks each point, for
// speed); the document says what each point must be.
const point = z
  .tuple([z.union([z.iso.datetime({ offset: true }), z.int().describe("epoch milliseconds")]), z.number()])
  .describe("[timestamp, value]: an ISO 8601 time with offset or epoch milliseconds, and a finite number");
const documentedBatch = z.object({
  series: z
    .array(
      metricBatchSchema.shape.series.element.extend({
        labels: metricBatchSchema.shape.series.element.shape.labels.describe(
          `At most ${INGEST_LIMITS.labels}. \`project\` (a project slug) is required; \`environment\` (an environment slug), \`service\`, \`model\` and \`version\` are understood; any others are kept.`,
        ),
        points: z.array(point).min(1).describe(`At most ${INGEST_LIMITS.points} points per request in all.`),
      }),
    )
    .min(1)
    .max(INGEST_LIMITS.series),
});

const seriesItem = z.object({
  id: z.uuid(),
  key: z.string().describe('Canonical `name{label="value",...}`, labels sorted by name.'),
  name: z.string(),
  kind: z.enum(seriesKindEnum.enumValues),
  unit: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
  projectSlug: z.string(),
  environmentSlug: z.string().nullable(),
  modelVersionId: z.uuid().nullable(),
  createdAt: at,
});

const reading = z.object({
  from: at,
  to: at,
  origin: at.describe("Bucket k covers [origin + k·bucketMs, origin + (k+1)·bucketMs); origin ≤ from."),
  bucketMs: z.number().int(),
  series: z.array(
    seriesItem.pick({ id: true, key: true, name: true, unit: true, labels: true }).extend({
      buckets: z
        .array(
          z
            .tuple([
              z.number().describe("bucket start, epoch ms"),
              z.number(),
              z.number(),
              z.number(),
              z.int(),
            ])
            .describe("[bucket start (epoch ms), min, max, avg, count]"),
        )
        .describe("Only buckets that hold points, oldest first: a missing bucket is a gap, never a zero."),
    }),
  ),
});

const pointsQuery = z.object({
  ids: z.string().describe("Comma-separated series ids, at most 20."),
  from: z.string().optional().describe("ISO 8601 or epoch milliseconds; default a day before `to`."),
  to: z.string().optional().describe("ISO 8601 or epoch milliseconds; default now."),
  maxPoints: z
    .number()
    .int()
    .min(10)
    .max(5000)
    .optional()
    .describe("Most buckets per series; default 1,000."),
});

export const monitoringPaths = {
  "/metrics": {
    post: {
      tags,
      operationId: "ingestMetrics",
      summary: "Ingest a batch of points for named, labelled series (idempotent per series and timestamp)",
      description:
        "Series are found or created by canonical key; `labels.project` (a project slug the token may see) is required, `environment` and `model` + `version` link the series when they exist. The whole batch is validated first: one bad point rejects it with a 400 whose `details` are `{ series, point, reason }`, and nothing is written. Re-sending a point replaces its value (last write wins).",
      "x-permission": "monitoring:write",
      requestBody: body(jsonSchema(documentedBatch), `JSON, at most ${INGEST_LIMITS.bodyBytes / 1e6} MB.`),
      responses: {
        "200": json("Accepted", out(z.object({ series: z.number().int(), points: z.number().int() }))),
        ...errors(400, 401, 403, 409, 413, 415),
      },
    },
  },
  "/series": {
    get: {
      tags,
      operationId: "listSeries",
      summary: "Metric series with their labels, by key",
      "x-permission": "monitoring:read",
      parameters: queryParameters(
        listSeriesInput
          .pick({ name: true, environment: true, kind: true, cursor: true, limit: true })
          .extend({ project: z.string().optional().describe("A project slug.") }),
      ),
      responses: { "200": json("A page of series", pageOf(out(seriesItem))), ...errors(400, 401, 403, 404) },
    },
  },
  "/series/points": {
    get: {
      tags,
      operationId: "readSeriesPoints",
      summary: "Downsampled points (min, max, avg, count per bucket) of up to 20 series",
      "x-permission": "monitoring:read",
      parameters: queryParameters(pointsQuery),
      responses: { "200": json("Buckets per series", out(reading)), ...errors(400, 401, 403, 404) },
    },
  },
};
