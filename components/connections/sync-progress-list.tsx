import { Badge } from "@/components/ui/badge";
import type { SyncStatusDto } from "@/lib/queries/sync";
import { formatDateTime } from "@/lib/utils/format";
import { describeRateLimit, describeScope, syncProgress } from "./sync-format";

type State = SyncStatusDto["states"][number];

const STATUS_BADGE = {
  idle: { variant: "success", label: "Up to date" },
  running: { variant: "info", label: "Syncing" },
  failed: { variant: "danger", label: "Failed" },
} as const;

function ScopeRow({ state }: { state: State }) {
  const { what, where } = describeScope(state.scope);
  const progress = syncProgress(state.itemsDone, state.itemsTotal);
  const badge = STATUS_BADGE[state.status];
  const name = where ? `${what}, ${where}` : what;
  return (
    <li className="flex flex-col gap-1.5" data-testid="sync-scope" data-scope={state.scope}>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span>
          <span className="font-medium">{what}</span>
          {where ? <span className="text-muted-foreground"> · {where}</span> : null}
        </span>
        <span className="flex items-center gap-2">
          <span className="text-muted-foreground tabular-nums">{progress.label}</span>
          <Badge variant={badge.variant}>{badge.label}</Badge>
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={`${name} progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.percent ?? undefined}
        aria-valuetext={progress.label}
        className="h-2 overflow-hidden rounded-full bg-muted"
      >
        <div
          className={`h-full rounded-full ${state.status === "failed" ? "bg-destructive" : "bg-primary"} ${progress.percent === null ? "w-1/3 animate-pulse" : ""}`}
          style={progress.percent === null ? undefined : { width: `${progress.percent}%` }}
        />
      </div>
      <p className="text-muted-foreground text-xs">
        {state.lastSuccessAt ? `Last synced ${formatDateTime(state.lastSuccessAt)}` : "Not synced yet"}
      </p>
      {state.error ? (
        <p className="rounded-md border border-destructive/25 bg-destructive/10 p-2 text-destructive text-xs">
          <span className="font-medium">Error:</span> {state.error}
        </p>
      ) : null}
    </li>
  );
}

/** Per-scope sync progress bars, the last sync time and the provider's rate-limit headroom. */
export function SyncProgressList({ sync }: { sync: SyncStatusDto }) {
  const headroom = describeRateLimit(sync.rateLimit);
  return (
    <div className="flex flex-col gap-4" data-testid="sync-status">
      <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-2">
        <div className="flex flex-col gap-0.5 rounded-md border p-3">
          <dt className="text-muted-foreground text-xs">Last sync</dt>
          <dd className="font-semibold">{sync.lastSyncAt ? formatDateTime(sync.lastSyncAt) : "Never"}</dd>
        </div>
        <div className="flex flex-col gap-0.5 rounded-md border p-3">
          <dt className="text-muted-foreground text-xs">Rate limit</dt>
          <dd className="font-semibold" data-testid="rate-limit">
            {headroom ?? "Not reported yet"}
          </dd>
        </div>
      </dl>
      {sync.states.length === 0 ? (
        <p className="text-muted-foreground text-sm">
          Nothing synced yet. The first sync backfills the last 30 days.
        </p>
      ) : (
        <ul className="flex flex-col gap-4" aria-label="Sync progress">
          {sync.states.map((state) => (
            <ScopeRow key={state.scope} state={state} />
          ))}
        </ul>
      )}
    </div>
  );
}
