const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** The time windows every dashboard view can be filtered by, in display order. */
export const TIME_RANGE_OPTIONS = [
  { key: "1h", label: "Last hour", shortLabel: "1h", ms: HOUR },
  { key: "24h", label: "Last 24 hours", shortLabel: "24h", ms: DAY },
  { key: "7d", label: "Last 7 days", shortLabel: "7d", ms: 7 * DAY },
  { key: "30d", label: "Last 30 days", shortLabel: "30d", ms: 30 * DAY },
  { key: "90d", label: "Last 90 days", shortLabel: "90d", ms: 90 * DAY },
] as const;

export type TimeRangeKey = (typeof TIME_RANGE_OPTIONS)[number]["key"];
export type TimeRange = { key: TimeRangeKey; ms: number };

export const DEFAULT_TIME_RANGE: TimeRangeKey = "7d";
/** The URL search param that carries the range, shared by the picker and server pages. */
export const TIME_RANGE_PARAM = "range";

export function isTimeRangeKey(value: unknown): value is TimeRangeKey {
  return TIME_RANGE_OPTIONS.some((option) => option.key === value);
}

/**
 * Reads a `?range=` value. Anything missing or unknown falls back to the default, so a
 * hand-edited URL never breaks a page.
 */
export function parseTimeRange(value: string | undefined | null): TimeRange {
  const key = isTimeRangeKey(value) ? value : DEFAULT_TIME_RANGE;
  const option = TIME_RANGE_OPTIONS.find((o) => o.key === key)!;
  return { key, ms: option.ms };
}

/** The start of the window ending at `now`. */
export function timeRangeStart(range: TimeRange, now: Date = new Date()): Date {
  return new Date(now.getTime() - range.ms);
}
