import { z } from "zod";
import { seriesKindEnum } from "@/lib/db/schema/enums";

/** Limits of one `POST /api/v1/metrics` request. */
export const INGEST_LIMITS = {
  bodyBytes: 10_000_000,
  points: 100_000,
  series: 5_000,
  labels: 16,
  labelValueChars: 200,
  /** Oldest accepted point: older ones would fall to the default retention at once. */
  maxAgeMs: 400 * 24 * 60 * 60 * 1000,
  /** Newest accepted point: a little clock skew is fine, a point from tomorrow is a bug. */
  maxFutureMs: 60 * 60 * 1000,
} as const;

export const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:.]{0,199}$/;
// As in Prometheus, names starting with "__" are reserved (and "__proto__" must never be a key).
const LABEL_NAME = /^(?!__)[a-zA-Z_][a-zA-Z0-9_]{0,99}$/;
const PROJECT_SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

const labelsSchema = z
  .record(
    z.string().regex(LABEL_NAME, "label names are letters, digits and _, not starting with a digit or __"),
    z
      .string()
      .min(1, "label values must not be empty")
      .max(
        INGEST_LIMITS.labelValueChars,
        `label values are at most ${INGEST_LIMITS.labelValueChars} characters`,
      ),
  )
  .refine((labels) => Object.keys(labels).length <= INGEST_LIMITS.labels, {
    message: `at most ${INGEST_LIMITS.labels} labels per series`,
  })
  .refine((labels) => typeof labels.project === "string" && PROJECT_SLUG.test(labels.project), {
    message: "labels.project is required: the slug of the project the series belongs to",
    path: ["project"],
  });

/**
 * The envelope of a batch. Points are only checked to be an array here: zod per element
 * costs more than the database write for 100,000 points, so `normalizeBatch` checks each
 * point with a plain loop and names the first bad one.
 */
export const metricBatchSchema = z
  .object({
    series: z
      .array(
        z
          .object({
            name: z.string().regex(METRIC_NAME, "must match ^[a-zA-Z_:][a-zA-Z0-9_:.]{0,199}$"),
            labels: labelsSchema,
            kind: z.enum(seriesKindEnum.enumValues).default("service"),
            unit: z.string().trim().min(1).max(50).nullish(),
            points: z.custom<unknown[]>((value) => Array.isArray(value), {
              message: "must be an array of [timestamp, value] pairs",
            }),
          })
          .strict(),
      )
      .min(1, "send at least one series")
      .max(INGEST_LIMITS.series, `at most ${INGEST_LIMITS.series} series per request`),
  })
  .strict();

export type MetricBatchInput = z.infer<typeof metricBatchSchema>;
