import { z } from "zod";
import { runRefSchema } from "@/lib/runs/run-ref";

/**
 * Request shapes of the model registry API (`/api/v1/models`, `/api/v1/model-versions`).
 * Kept free of transforms so the OpenAPI document shows them exactly as a client sends
 * them; the verbs turn scalars into the stored strings.
 */

/** Metric keys: what MLflow, W&B and Keras log (`val_loss`, `auc@10`, `eval/f1`). */
export const METRIC_KEY = /^[A-Za-z0-9_.@/-]{1,100}$/;
export const ALIAS_NAME = /^[a-z][a-z0-9_-]{0,62}$/;
/** Points per request, in a registration or an append. */
export const MAX_HISTORY_POINTS = 100_000;
/** Largest step Postgres' integer column holds. */
const MAX_STEP = 2_147_483_647;

const text = (max: number) => z.string().trim().min(1).max(max);
const finite = z.number({ error: "Use a finite number." });
const time = z.iso.datetime({ offset: true, error: "Use an ISO 8601 time such as 2026-03-01T10:00:00Z." });
const scalar = z.union([z.string().max(6000), finite, z.boolean()], {
  error: "Use a string, a finite number or a boolean.",
});

export const metricKeySchema = z
  .string()
  .regex(METRIC_KEY, "Metric keys are 1-100 letters, digits and _ . @ / -.");
export const aliasNameSchema = z
  .string()
  .regex(ALIAS_NAME, "Aliases are lowercase: a letter, then up to 62 letters, digits, _ or -.");

const atMost = (max: number) => (value: Record<string, unknown>) => Object.keys(value).length <= max;

/** Tags: string keys without ":" (search takes `tag=key:value`), scalar values stored as strings. */
export const tagsSchema = z
  .record(
    z
      .string()
      .min(1)
      .max(250)
      .regex(/^[^:]+$/, "Tag keys cannot contain ':'."),
    z.union([z.string().max(5000), finite, z.boolean()], {
      error: "Use a string, a finite number or a boolean.",
    }),
  )
  .refine(atMost(200), "Send at most 200 tags.");

export const paramsSchema = z
  .record(z.string().min(1).max(250), scalar)
  .refine(atMost(1000), "Send at most 1000 params.");

export const metricsSchema = z
  .record(metricKeySchema, finite)
  .refine(atMost(1000), "Send at most 1000 metrics.");

export const historyPointSchema = z.object({
  key: metricKeySchema,
  step: z.number().int().min(0).max(MAX_STEP),
  value: finite,
  /** When the value was logged; defaults to the time Tandem receives it. */
  ts: time.optional(),
});
export type HistoryPointInput = z.infer<typeof historyPointSchema>;

export const historySchema = z
  .array(historyPointSchema)
  .max(MAX_HISTORY_POINTS, `Send at most ${MAX_HISTORY_POINTS} history points per request.`);

export const datasetSchema = z.object({
  name: text(300),
  uri: text(2000),
  digest: text(200).optional(),
  role: z.enum(["train", "eval", "test"]).optional(),
});

export const createModelBody = z.object({
  /** The project's slug. */
  project: text(200),
  name: text(200),
  description: z.string().max(5000).optional(),
  owner: text(200).optional(),
  tags: tagsSchema.optional(),
  primaryMetric: metricKeySchema.optional(),
  primaryMetricDirection: z.enum(["higher", "lower"]).optional(),
});
export type CreateModelInput = z.input<typeof createModelBody>;

/** The training run the version came from; see runRefSchema. */
export const sourceRunSchema = runRefSchema;

export const registerVersionBody = z.object({
  /** Idempotency key: the same key on the same model answers with the version it first created. */
  clientKey: z.string().min(1).max(200),
  artifactUri: text(2000).optional(),
  framework: text(200).optional(),
  params: paramsSchema.optional(),
  tags: tagsSchema.optional(),
  metrics: metricsSchema.optional(),
  history: historySchema.optional(),
  datasets: z.array(datasetSchema).max(100, "Send at most 100 datasets.").optional(),
  commitSha: z
    .string()
    .regex(/^[0-9a-f]{7,64}$/i, "Use a hex commit sha.")
    .optional(),
  sourceRun: sourceRunSchema.optional(),
  createdBy: text(300).optional(),
});
export type RegisterVersionInput = z.input<typeof registerVersionBody>;

export const appendHistoryBody = z.object({ points: historySchema.min(1, "Send at least one point.") });
export type AppendHistoryInput = z.input<typeof appendHistoryBody>;

export const setAliasBody = z.object({ version: z.number().int().min(1) });

/** `metric=auc>=0.9`: a key, one of four operators, a finite number. */
export const METRIC_FILTER = /^([A-Za-z0-9_.@/-]{1,100})(>=|<=|>|<)(-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)$/;

export const searchVersionsQuery = z.object({
  model: z.string().max(100).optional().describe("A model id; omitted: every model the caller may see."),
  project: z.string().max(200).optional().describe("A project slug."),
  alias: aliasNameSchema.optional().describe("Only the version holding this alias."),
  tag: z
    .array(z.string().regex(/^[^:]+:.*$/, "Use key:value."))
    .max(10, "Use at most 10 tag filters.")
    .default([])
    .describe("`key:value`, repeatable (all must match)."),
  metric: z
    .array(
      z
        .string()
        .regex(METRIC_FILTER, "Use key>=number, key<=number, key>number or key<number, e.g. auc>=0.9."),
    )
    .max(5, "Use at most 5 metric filters.")
    .default([])
    .describe("`key>=n`, `key<=n`, `key>n` or `key<n`, repeatable (all must hold)."),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type SearchVersionsInput = z.input<typeof searchVersionsQuery>;
