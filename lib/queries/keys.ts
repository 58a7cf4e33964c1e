/** Filters every dashboard read shares; they live in the URL (?project=&range=). */
export type ScopeFilters = { project: string | null; range: string };

/** A list page's URL filters (null: not filtered); part of its key, so each filter set caches apart. */
export type ListFilters = Record<string, string | null>;

/**
 * The one query-key factory. Server components prefetch and client components read under
 * the same keys; mutations invalidate by prefix (e.g. queryKeys.overview.all).
 */
export const queryKeys = {
  overview: {
    all: ["overview"] as const,
    health: (f: ScopeFilters) => ["overview", "health", f] as const,
    runActivity: (f: ScopeFilters) => ["overview", "run-activity", f] as const,
    matrix: (f: ScopeFilters) => ["overview", "matrix", f] as const,
    activity: (f: ScopeFilters) => ["overview", "activity", f] as const,
  },
  runs: {
    all: ["runs"] as const,
    list: (f: Record<string, string | number | null | undefined>) => ["runs", "list", f] as const,
    /** Infinite (keyset) pages; kept apart from `list` because the cached shape differs. */
    pages: (f: ListFilters) => ["runs", "pages", f] as const,
    detail: (id: string) => ["runs", "detail", id] as const,
  },
  deployments: {
    all: ["deployments"] as const,
    pages: (f: ListFilters) => ["deployments", "pages", f] as const,
  },
  releases: {
    all: ["releases"] as const,
    pages: (f: ListFilters) => ["releases", "pages", f] as const,
  },
  models: {
    all: ["models"] as const,
    pages: (f: ListFilters) => ["models", "pages", f] as const,
    detail: (id: string) => ["models", "detail", id] as const,
  },
  promotions: {
    all: ["promotions"] as const,
    pages: (f: ListFilters) => ["promotions", "pages", f] as const,
    detail: (id: string) => ["promotions", "detail", id] as const,
  },
  alerts: {
    all: ["alerts"] as const,
    pages: (f: ListFilters) => ["alerts", "pages", f] as const,
  },
  series: {
    all: ["series"] as const,
    pages: (f: ListFilters) => ["series", "pages", f] as const,
    /** Downsampled points of some series over a range (ids in request order). */
    points: (f: { ids: readonly string[]; from: string; to: string; maxPoints: number }) =>
      ["series", "points", f] as const,
  },
  audit: {
    all: ["audit"] as const,
    pages: (f: ListFilters) => ["audit", "pages", f] as const,
  },
  users: { all: ["users"] as const },
  connections: {
    all: ["connections"] as const,
    health: (id: string) => ["connections", id, "health"] as const,
    deliveries: (id: string) => ["connections", id, "deliveries"] as const,
    sync: (id: string) => ["connections", id, "sync"] as const,
  },
  tokens: { all: ["tokens"] as const },
  drift: {
    all: ["drift"] as const,
    /** A model's per-feature drift table (latest scores and history). */
    model: (modelId: string, historyLimit: number) => ["drift", modelId, historyLimit] as const,
  },
  notifications: {
    all: ["notifications"] as const,
    deliveries: (endpointId: string) => ["notifications", endpointId, "deliveries"] as const,
  },
};
