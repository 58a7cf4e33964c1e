import type { ActivityItem } from "@/lib/audit/list-activity";
import type { Page } from "@/lib/db/keyset";
import type { MatrixRow } from "@/lib/deployments/get-deployment-matrix";
import type { OverviewHealth } from "@/lib/overview/get-overview-health";
import type { RunActivityBucket } from "@/lib/overview/get-run-activity";
import type { RunListItem } from "@/lib/runs/list-runs";
import { fetchJson, type Jsonify, withSearch } from "./fetch-json";
import { queryKeys, type ScopeFilters } from "./keys";

export type OverviewHealthDto = Jsonify<OverviewHealth>;
export type RunActivityDto = { bucket: "hour" | "day"; buckets: RunActivityBucket[] };
export type MatrixDto = Jsonify<{ environments: string[]; rows: MatrixRow[] }>;
export type ActivityDto = Jsonify<ActivityItem[]>;
export type RunPageDto = Jsonify<Page<RunListItem>>;

/** Fast while something is running or waiting, slower otherwise; always within 10 s. */
export const LIVE_REFRESH_MS = 5_000;

export const overviewQueries = {
  health: (f: ScopeFilters) => ({
    queryKey: queryKeys.overview.health(f),
    queryFn: () => fetchJson<OverviewHealthDto>(withSearch("/api/v1/overview/health", f)),
    refetchInterval: LIVE_REFRESH_MS,
  }),
  runActivity: (f: ScopeFilters) => ({
    queryKey: queryKeys.overview.runActivity(f),
    queryFn: () => fetchJson<RunActivityDto>(withSearch("/api/v1/overview/run-activity", f)),
    refetchInterval: LIVE_REFRESH_MS * 2,
  }),
  matrix: (f: ScopeFilters) => ({
    queryKey: queryKeys.overview.matrix(f),
    queryFn: () => fetchJson<MatrixDto>(withSearch("/api/v1/overview/deployments", { project: f.project })),
    refetchInterval: LIVE_REFRESH_MS,
  }),
  activity: (f: ScopeFilters) => ({
    queryKey: queryKeys.overview.activity(f),
    queryFn: () => fetchJson<ActivityDto>(withSearch("/api/v1/overview/activity", { project: f.project })),
    refetchInterval: LIVE_REFRESH_MS,
  }),
  latestRuns: (f: ScopeFilters) => ({
    queryKey: queryKeys.runs.list({ project: f.project, limit: 10 }),
    queryFn: () => fetchJson<RunPageDto>(withSearch("/api/v1/runs", { project: f.project, limit: 10 })),
    refetchInterval: LIVE_REFRESH_MS,
  }),
};
