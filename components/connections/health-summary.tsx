import type * as React from "react";
import type { ConnectionHealthDto } from "@/lib/queries/connections";
import { formatDateTime } from "@/lib/utils/format";

function Stat({ label, value, tone }: { label: string; value: React.ReactNode; tone?: "danger" }) {
  return (
    <div className="flex flex-col gap-1 rounded-md border p-3">
      <dt className="text-muted-foreground text-xs">{label}</dt>
      <dd className={tone === "danger" ? "font-semibold text-destructive" : "font-semibold"}>{value}</dd>
    </div>
  );
}

/** A connection's health in numbers: last delivery and sync, and the last 24 hours by outcome. */
export function HealthSummary({ health }: { health: ConnectionHealthDto }) {
  const { last24h } = health;
  return (
    <div className="flex flex-col gap-3">
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6" data-testid="connection-health">
        <Stat
          label="Last delivery"
          value={health.lastDeliveryAt ? formatDateTime(health.lastDeliveryAt) : "Never"}
        />
        <Stat label="Last sync" value={health.lastSyncAt ? formatDateTime(health.lastSyncAt) : "Never"} />
        <Stat label="Deliveries, 24 h" value={last24h.total} />
        <Stat label="Processed" value={last24h.processed} />
        <Stat label="Ignored" value={last24h.ignored} />
        <Stat label="Failed" value={last24h.failed} tone={last24h.failed > 0 ? "danger" : undefined} />
      </dl>
      {health.lastError ? (
        <p className="rounded-md border border-destructive/25 bg-destructive/10 p-3 text-destructive text-sm">
          <span className="font-medium">Last error:</span> {health.lastError}
        </p>
      ) : null}
    </div>
  );
}
