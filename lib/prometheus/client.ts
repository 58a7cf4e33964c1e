import { z } from "zod";

/**
 * A small client for Prometheus's HTTP API (`/api/v1/...`) over fetch, with every answer
 * checked by zod. Prometheus wraps answers as `{ status, data }` or `{ status: "error",
 * errorType, error }`; sample values are strings ("1.5", "NaN", "+Inf").
 */

const sample = z.tuple([z.number(), z.string()]);

export const matrixSchema = z.object({
  resultType: z.literal("matrix"),
  result: z.array(
    z.object({ metric: z.record(z.string(), z.string()), values: z.array(sample).default([]) }),
  ),
});
export type PrometheusMatrix = z.infer<typeof matrixSchema>;

const vectorSchema = z.object({
  resultType: z.enum(["vector", "scalar", "string", "matrix"]),
  result: z.unknown(),
});

const buildInfoSchema = z.object({
  version: z.string(),
  revision: z.string().optional(),
  goVersion: z.string().optional(),
});

const envelope = z.object({
  status: z.enum(["success", "error"]),
  data: z.unknown().optional(),
  errorType: z.string().optional(),
  error: z.string().optional(),
  warnings: z.array(z.string()).optional(),
});

/** Prometheus answered with an HTTP error or `status: "error"` (a bad query answers 400 with its reason). */
export class PrometheusError extends Error {
  constructor(
    readonly statusCode: number | null,
    readonly endpoint: string,
    detail: string,
  ) {
    super(
      `Prometheus ${statusCode ? `answered ${statusCode}` : "failed"} on ${endpoint}: ${detail.slice(0, 300)}`,
    );
    this.name = "PrometheusError";
  }
}

export type PrometheusClientOptions = {
  baseUrl: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
};

export type PrometheusClient = ReturnType<typeof createPrometheusClient>;

function issuesText(issues: z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`)
    .join("; ");
}

export function createPrometheusClient(options: PrometheusClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, "");

  async function get<T>(endpoint: string, params: Record<string, string>, schema: z.ZodType<T>): Promise<T> {
    const url = new URL(`${base}/api/v1/${endpoint}`);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    const response = await fetch(url, {
      headers: { accept: "application/json", ...options.headers },
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new PrometheusError(response.status, endpoint, response.ok ? "the answer is not JSON" : text);
    }
    const body = envelope.safeParse(json);
    if (!body.success)
      throw new PrometheusError(
        response.status,
        endpoint,
        `unexpected answer: ${issuesText(body.error.issues)}`,
      );
    if (!response.ok || body.data.status === "error") {
      throw new PrometheusError(
        response.status,
        endpoint,
        `${body.data.errorType ?? "error"}: ${body.data.error ?? text}`,
      );
    }
    const data = schema.safeParse(body.data.data);
    if (!data.success)
      throw new PrometheusError(null, endpoint, `unexpected data: ${issuesText(data.error.issues)}`);
    return data.data;
  }

  return {
    buildInfo: () => get("status/buildinfo", {}, buildInfoSchema),
    /** An instant query; used by "Test connection" to check a PromQL expression. */
    query: (promql: string) => get("query", { query: promql }, vectorSchema),
    /** `start` / `end` in unix seconds (fractions allowed), `step` in seconds. */
    queryRange: (args: { query: string; start: number; end: number; step: number }) =>
      get(
        "query_range",
        { query: args.query, start: String(args.start), end: String(args.end), step: String(args.step) },
        matrixSchema,
      ),
  };
}

/**
 * Turns a matrix into points per series: `[epochMs, value]`, dropping NaN and ±Inf samples
 * (Prometheus's way of saying "no value" after a division by zero or a stale series),
 * which Tandem's ingest rightly refuses.
 */
export function matrixToSeries(
  matrix: PrometheusMatrix,
): { labels: Record<string, string>; points: [number, number][] }[] {
  return matrix.result.map((series) => ({
    labels: series.metric,
    points: series.values.flatMap(([seconds, raw]): [number, number][] => {
      const value = Number(raw);
      return Number.isFinite(value) ? [[Math.round(seconds * 1000), value]] : [];
    }),
  }));
}
