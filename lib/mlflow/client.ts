import { z } from "zod";

/**
 * A small client for the MLflow REST API 2.0 (`/api/2.0/mlflow/...`), over fetch. Every
 * answer is checked with zod, so a proxy's HTML page or a changed shape fails with a
 * message naming the endpoint and the bad field instead of importing nonsense.
 */

const keyValue = z.object({ key: z.string(), value: z.string().optional().default("") });
const metric = z.object({
  key: z.string(),
  value: z.union([z.number(), z.string()]).transform(Number),
  timestamp: z.union([z.number(), z.string()]).transform(Number).optional(),
  step: z.union([z.number(), z.string()]).transform(Number).optional().default(0),
});

export const modelVersionSchema = z.object({
  name: z.string(),
  version: z.string(),
  creation_timestamp: z.union([z.number(), z.string()]).transform(Number),
  last_updated_timestamp: z.union([z.number(), z.string()]).transform(Number).optional(),
  user_id: z.string().optional(),
  current_stage: z.string().optional(),
  description: z.string().optional(),
  source: z.string().optional(),
  run_id: z.string().optional(),
  status: z.string().optional(),
  status_message: z.string().optional(),
  tags: z.array(keyValue).optional().default([]),
  run_link: z.string().optional(),
  aliases: z.array(z.string()).optional().default([]),
});
export type MlflowModelVersion = z.infer<typeof modelVersionSchema>;

export const registeredModelSchema = z.object({
  name: z.string(),
  creation_timestamp: z.union([z.number(), z.string()]).transform(Number).optional(),
  last_updated_timestamp: z.union([z.number(), z.string()]).transform(Number).optional(),
  user_id: z.string().optional(),
  description: z.string().optional(),
  latest_versions: z.array(modelVersionSchema).optional().default([]),
  tags: z.array(keyValue).optional().default([]),
  aliases: z
    .array(z.object({ alias: z.string(), version: z.string() }))
    .optional()
    .default([]),
});
export type MlflowRegisteredModel = z.infer<typeof registeredModelSchema>;

const registeredModelsPage = z.object({
  registered_models: z.array(registeredModelSchema).optional().default([]),
  next_page_token: z.string().optional(),
});
const modelVersionsPage = z.object({
  model_versions: z.array(modelVersionSchema).optional().default([]),
  next_page_token: z.string().optional(),
});
const registeredModelAnswer = z.object({ registered_model: registeredModelSchema });

export const runSchema = z.object({
  info: z.object({
    run_id: z.string(),
    experiment_id: z.string().optional(),
    status: z.string().optional(),
    start_time: z.union([z.number(), z.string()]).transform(Number).optional(),
    end_time: z.union([z.number(), z.string()]).transform(Number).optional(),
    artifact_uri: z.string().optional(),
  }),
  data: z
    .object({
      metrics: z.array(metric).optional().default([]),
      params: z.array(keyValue).optional().default([]),
      tags: z.array(keyValue).optional().default([]),
    })
    .optional()
    .default({ metrics: [], params: [], tags: [] }),
});
export type MlflowRun = z.infer<typeof runSchema>;
const runAnswer = z.object({ run: runSchema });

const metricHistoryPage = z.object({
  metrics: z.array(metric).optional().default([]),
  next_page_token: z.string().optional(),
});
export type MlflowMetric = z.infer<typeof metric>;

/** MLflow answered with an HTTP error; `statusCode` is what explainProviderError reads. */
export class MlflowHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly endpoint: string,
    body: string,
  ) {
    super(`MLflow answered ${statusCode} on ${endpoint}: ${body.slice(0, 300)}`);
    this.name = "MlflowHttpError";
  }
}

/** MLflow answered 2xx with a body that is not what the REST API documents. */
export class MlflowShapeError extends Error {
  constructor(endpoint: string, issues: z.core.$ZodIssue[]) {
    const first = issues
      .slice(0, 3)
      .map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`)
      .join("; ");
    super(`MLflow's answer on ${endpoint} has an unexpected shape: ${first}`);
    this.name = "MlflowShapeError";
  }
}

export type MlflowClientOptions = {
  baseUrl: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
  fetch?: typeof fetch;
};

export type MlflowClient = ReturnType<typeof createMlflowClient>;

/** One client per connection; `baseUrl` is the tracking server's address without `/api`. */
export function createMlflowClient(options: MlflowClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? fetch;

  async function get<T>(
    endpoint: string,
    params: Record<string, string | number | undefined>,
    schema: z.ZodType<T>,
  ) {
    const url = new URL(`${base}/api/2.0/mlflow/${endpoint}`);
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined && value !== "") url.searchParams.set(key, String(value));
    }
    const response = await doFetch(url, {
      headers: { accept: "application/json", ...options.headers },
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const text = await response.text();
    if (!response.ok) throw new MlflowHttpError(response.status, endpoint, text);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new MlflowShapeError(endpoint, [{ code: "custom", path: [], message: "not JSON", input: text }]);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new MlflowShapeError(endpoint, parsed.error.issues);
    return parsed.data;
  }

  return {
    searchRegisteredModels: (args: { maxResults?: number; pageToken?: string; filter?: string }) =>
      get(
        "registered-models/search",
        { max_results: args.maxResults ?? 100, page_token: args.pageToken, filter: args.filter },
        registeredModelsPage,
      ),
    getRegisteredModel: async (name: string) =>
      (await get("registered-models/get", { name }, registeredModelAnswer)).registered_model,
    searchModelVersions: (args: { name: string; maxResults?: number; pageToken?: string }) =>
      get(
        "model-versions/search",
        {
          filter: `name='${args.name.replaceAll("'", "\\'")}'`,
          max_results: args.maxResults ?? 200,
          page_token: args.pageToken,
        },
        modelVersionsPage,
      ),
    getRun: async (runId: string) => (await get("runs/get", { run_id: runId }, runAnswer)).run,
    getMetricHistory: (args: { runId: string; metricKey: string; maxResults?: number; pageToken?: string }) =>
      get(
        "metrics/get-history",
        {
          run_id: args.runId,
          metric_key: args.metricKey,
          max_results: args.maxResults ?? 25_000,
          page_token: args.pageToken,
        },
        metricHistoryPage,
      ),
  };
}
