import { parseTimeRange } from "@/lib/utils/time-range";

/**
 * The time window of the monitoring charts, from the URL: `?range=` (the header's presets,
 * a live view ending now) unless `?from=&to=` (epoch ms, from a custom pick or a drag-zoom)
 * name a fixed one. `?deployment=<id>&window=<minutes>` choose the before / after comparison.
 * Pure, shared by the server page and the client.
 */

type Params = { get(name: string): string | null };

export type ChartWindow =
  | { kind: "live"; rangeKey: string; ms: number }
  | { kind: "fixed"; from: number; to: number };

const MIN_SPAN_MS = 60_000;
const MAX_SPAN_MS = 400 * 86_400_000;
export const COMPARE_WINDOWS_MIN = [15, 30, 60, 120, 360] as const;
const DEFAULT_COMPARE_MIN = 30;

const epoch = (raw: string | null) => (raw && /^\d{1,15}$/.test(raw) ? Number(raw) : null);

export function parseChartWindow(params: Params): ChartWindow {
  const from = epoch(params.get("from"));
  const to = epoch(params.get("to"));
  if (from !== null && to !== null && to - from >= MIN_SPAN_MS && to - from <= MAX_SPAN_MS) {
    return { kind: "fixed", from, to };
  }
  const range = parseTimeRange(params.get("range"));
  return { kind: "live", rangeKey: range.key, ms: range.ms };
}

/** [from, to] of a window at `now`. */
export function windowBounds(w: ChartWindow, now: number): [number, number] {
  return w.kind === "fixed" ? [w.from, w.to] : [now - w.ms, now];
}

export function parseCompare(params: Params): { deploymentId: string | null; windowMin: number } {
  const id = params.get("deployment");
  const minutes = Number(params.get("window"));
  return {
    deploymentId: id && /^[0-9a-f-]{36}$/i.test(id) ? id : null,
    windowMin: (COMPARE_WINDOWS_MIN as readonly number[]).includes(minutes) ? minutes : DEFAULT_COMPARE_MIN,
  };
}

/** Adapts a server page's searchParams record to `get`. */
export function paramsOf(record: Record<string, string | string[] | undefined>): Params {
  return {
    get: (name) => {
      const v = record[name];
      return (Array.isArray(v) ? v[0] : v) ?? null;
    },
  };
}
