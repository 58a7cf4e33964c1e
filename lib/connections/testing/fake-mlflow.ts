import {
  type FakeReply,
  type FakeRequest,
  type FakeServer,
  presentedToken,
  startFakeServer,
} from "./fake-http";

/**
 * A fake MLflow tracking server serving the REST API 2.0 shapes the importer reads:
 * registered-models/search and model-versions/search (paged with `next_page_token`, which
 * MLflow leaves out on the last page), runs/get and metrics/get-history (paged too). The
 * state is plain data the test changes between imports; `failNext` answers 5xx and
 * `breakShape` a 200 with a body MLflow would never send. Test code only.
 */

export type FakeMetricPoint = { step: number; value: number; timestamp: number };
export type FakeRun = {
  runId: string;
  experimentId: string;
  params: Record<string, string>;
  tags: Record<string, string>;
  /** Full history per metric key; the final metric is the last point. */
  history: Record<string, FakeMetricPoint[]>;
};
export type FakeVersion = {
  version: string;
  status?: "READY" | "PENDING_REGISTRATION" | "FAILED_REGISTRATION";
  currentStage?: "None" | "Staging" | "Production" | "Archived";
  source: string;
  runId?: string;
  userId?: string;
  createdAt: number;
  updatedAt: number;
  tags?: Record<string, string>;
};
export type FakeModel = {
  name: string;
  description?: string;
  tags?: Record<string, string>;
  aliases: Record<string, string>;
  versions: FakeVersion[];
};
export type FakeMlflowState = { models: FakeModel[]; runs: Record<string, FakeRun> };

export type FakeMlflow = FakeServer & {
  baseUrl: string;
  state: FakeMlflowState;
  /** After `after` matching requests pass, the next `count` whose path matches answer `status` (503 by default). */
  failNext: (path: RegExp, options?: { count?: number; status?: number; after?: number }) => void;
  /** Requests whose path matches get a 200 with a wrong shape until called with null. */
  breakShape: (path: RegExp | null) => void;
};

const API = "/api/2.0/mlflow";
const keyValues = (record: Record<string, string> = {}) =>
  Object.entries(record).map(([key, value]) => ({ key, value }));

/** Page tokens are opaque to clients; here they are the offset, base64-encoded like MLflow's. */
function page<T>(items: T[], request: FakeRequest, max: number) {
  const size = Math.min(Number(request.query.get("max_results") ?? max) || max, max);
  const token = request.query.get("page_token");
  const offset = token ? Number(Buffer.from(token, "base64").toString("utf8")) : 0;
  const slice = items.slice(offset, offset + size);
  const next =
    offset + size < items.length ? Buffer.from(String(offset + size)).toString("base64") : undefined;
  return { slice, next };
}

export async function startFakeMlflow(
  options: { token?: string; pageSize?: number; historyPageSize?: number; state?: FakeMlflowState } = {},
): Promise<FakeMlflow> {
  const state: FakeMlflowState = options.state ?? { models: [], runs: {} };
  const pageSize = options.pageSize ?? 100;
  const failures: { path: RegExp; count: number; status: number; after: number }[] = [];
  let broken: RegExp | null = null;

  const versionJson = (model: FakeModel, v: FakeVersion) => ({
    name: model.name,
    version: v.version,
    creation_timestamp: v.createdAt,
    last_updated_timestamp: v.updatedAt,
    user_id: v.userId ?? "",
    current_stage: v.currentStage ?? "None",
    description: "",
    source: v.source,
    ...(v.runId ? { run_id: v.runId } : {}),
    status: v.status ?? "READY",
    tags: keyValues(v.tags),
    aliases: Object.entries(model.aliases)
      .filter(([, version]) => version === v.version)
      .map(([alias]) => alias),
  });

  function guarded(request: FakeRequest, ok: () => FakeReply): FakeReply {
    if (options.token && presentedToken(request) !== options.token) {
      return { status: 401, body: { error_code: "UNAUTHENTICATED", message: "Invalid credentials" } };
    }
    const failure = failures.find((f) => f.count > 0 && f.path.test(request.path));
    if (failure && failure.after > 0) failure.after -= 1;
    else if (failure) {
      failure.count -= 1;
      return { status: failure.status, body: { error_code: "INTERNAL_ERROR", message: "Injected failure" } };
    }
    if (broken?.test(request.path)) return { status: 200, body: { registered_models: "not-a-list" } };
    return ok();
  }

  const notFound = (message: string): FakeReply => ({
    status: 404,
    body: { error_code: "RESOURCE_DOES_NOT_EXIST", message },
  });

  const registeredModelJson = (m: FakeModel) => ({
    name: m.name,
    creation_timestamp: m.versions[0]?.createdAt ?? 0,
    last_updated_timestamp: Math.max(0, ...m.versions.map((v) => v.updatedAt)),
    description: m.description ?? "",
    latest_versions: m.versions.slice(-1).map((v) => versionJson(m, v)),
    tags: keyValues(m.tags),
    aliases: Object.entries(m.aliases).map(([alias, version]) => ({ alias, version })),
  });

  const server = await startFakeServer([
    {
      method: "GET",
      path: new RegExp(`^${API}/registered-models/get$`),
      reply: (request) =>
        guarded(request, () => {
          const model = state.models.find((m) => m.name === request.query.get("name"));
          if (!model) return notFound(`Registered Model with name=${request.query.get("name")} not found`);
          return { status: 200, body: { registered_model: registeredModelJson(model) } };
        }),
    },
    {
      method: "GET",
      path: new RegExp(`^${API}/registered-models/search$`),
      reply: (request) =>
        guarded(request, () => {
          const { slice, next } = page(state.models, request, pageSize);
          return {
            status: 200,
            body: {
              registered_models: slice.map(registeredModelJson),
              ...(next ? { next_page_token: next } : {}),
            },
          };
        }),
    },
    {
      method: "GET",
      path: new RegExp(`^${API}/model-versions/search$`),
      reply: (request) =>
        guarded(request, () => {
          const name = /^name\s*=\s*'((?:[^'\\]|\\.)*)'$/
            .exec(request.query.get("filter") ?? "")?.[1]
            ?.replaceAll("\\'", "'");
          const model = state.models.find((m) => m.name === name);
          const { slice, next } = page(model?.versions ?? [], request, pageSize);
          return {
            status: 200,
            body: {
              model_versions: model ? slice.map((v) => versionJson(model, v)) : [],
              ...(next ? { next_page_token: next } : {}),
            },
          };
        }),
    },
    {
      method: "GET",
      path: new RegExp(`^${API}/runs/get$`),
      reply: (request) =>
        guarded(request, () => {
          const run = state.runs[request.query.get("run_id") ?? ""];
          if (!run) return notFound("Run not found");
          return {
            status: 200,
            body: {
              run: {
                info: {
                  run_id: run.runId,
                  run_uuid: run.runId,
                  experiment_id: run.experimentId,
                  status: "FINISHED",
                  start_time: 1_700_000_000_000,
                  end_time: 1_700_000_600_000,
                  artifact_uri: `mlflow-artifacts:/${run.experimentId}/${run.runId}/artifacts`,
                  lifecycle_stage: "active",
                },
                data: {
                  metrics: Object.entries(run.history).map(([key, points]) => ({ key, ...points.at(-1)! })),
                  params: keyValues(run.params),
                  tags: keyValues(run.tags),
                },
              },
            },
          };
        }),
    },
    {
      method: "GET",
      path: new RegExp(`^${API}/metrics/get-history$`),
      reply: (request) =>
        guarded(request, () => {
          const run = state.runs[request.query.get("run_id") ?? ""];
          if (!run) return notFound("Run not found");
          const points = run.history[request.query.get("metric_key") ?? ""] ?? [];
          const { slice, next } = page(points, request, options.historyPageSize ?? 25_000);
          return {
            status: 200,
            body: {
              metrics: slice.map((p) => ({ key: request.query.get("metric_key"), ...p })),
              ...(next ? { next_page_token: next } : {}),
            },
          };
        }),
    },
  ]);
  return {
    ...server,
    baseUrl: server.origin,
    state,
    failNext: (path, { count = 1, status = 503, after = 0 } = {}) =>
      failures.push({ path, count, status, after }),
    breakShape: (path) => {
      broken = path;
    },
  };
}
