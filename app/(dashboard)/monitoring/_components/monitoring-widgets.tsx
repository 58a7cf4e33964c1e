import Link from "next/link";
import { DoraPanel } from "@/components/monitoring/dora-panel";
import { MonitoringCharts } from "@/components/monitoring/monitoring-charts";
import { can } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { getDoraMetrics } from "@/lib/dora/get-dora-metrics";
import { type ChartContext, getChartContext } from "@/lib/monitoring/get-chart-context";
import { toJson } from "@/lib/queries/fetch-json";
import { chartWindowBounds } from "../chart-bounds";

type Params = Record<string, string | string[] | undefined>;
export type ChartScope = { projectIds: string[] | null; service?: string; modelId?: string };

/** Charts of the series in scope, with the deployments and alert rules around them. */
export async function ChartsWidget({
  ctx,
  scope,
  params,
}: {
  ctx: ServiceContext;
  scope: ChartScope;
  params: Params;
}) {
  const [from, to] = chartWindowBounds(params);
  const context = await getChartContext(ctx, { ...scope, from: new Date(from), to: new Date(to) });
  return (
    <>
      <ScopeLinks context={context} params={params} />
      <MonitoringCharts context={toJson(context)} />
    </>
  );
}

/** Links to the per-service and per-model pages of what is charted here. */
function ScopeLinks({ context, params }: { context: ChartContext; params: Params }) {
  const services = [...new Set(context.series.map((s) => s.labels.service).filter(Boolean))] as string[];
  const models = new Map(
    context.series.filter((s) => s.modelId).map((s) => [s.modelId!, s.labels.model ?? "model"]),
  );
  if (services.length + models.size <= 1) return null;
  const keep = new URLSearchParams();
  for (const name of ["project", "range"]) {
    const v = params[name];
    if (typeof v === "string") keep.set(name, v);
  }
  const query = keep.size > 0 ? `?${keep}` : "";
  return (
    <nav aria-label="Services and models" className="flex flex-wrap gap-2 text-sm">
      {services.sort().map((s) => (
        <Link
          key={s}
          href={`/monitoring/services/${encodeURIComponent(s)}${query}`}
          className="rounded border px-2 py-1 hover:bg-accent"
        >
          Service {s}
        </Link>
      ))}
      {[...models].map(([id, name]) => (
        <Link
          key={id}
          href={`/monitoring/models/${id}${query}`}
          className="rounded border px-2 py-1 hover:bg-accent"
        >
          Model {name}
        </Link>
      ))}
    </nav>
  );
}

/** DORA metrics over the header's range (at least four weeks, so the trend has a shape). */
export async function DoraWidget({
  ctx,
  projectIds,
  rangeMs,
  subject = "all",
  modelId,
}: {
  ctx: ServiceContext;
  projectIds: string[] | null;
  rangeMs: number;
  subject?: "all" | "models";
  modelId?: string;
}) {
  if (!can(ctx.actor, "deployments:read")) return null;
  const report = await getDoraMetrics(ctx, {
    projectIds,
    subject,
    modelId,
    rangeMs: Math.max(rangeMs, 28 * 86_400_000),
  });
  return (
    <DoraPanel
      report={toJson(report)}
      title={subject === "models" ? "Model delivery (DORA)" : "Delivery (DORA)"}
    />
  );
}
