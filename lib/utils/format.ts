/** Shown wherever a value is unknown, so empty cells read the same across the app. */
export const EMPTY_VALUE = "—";

type DateInput = Date | string | number;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function toDate(value: DateInput | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function pair(big: number, bigUnit: string, small: number, smallUnit: string): string {
  return small > 0 ? `${big}${bigUnit} ${small}${smallUnit}` : `${big}${bigUnit}`;
}

/** A compact duration with the two most significant units: "850ms", "45s", "1m 23s", "2h 5m", "3d 4h". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return EMPTY_VALUE;
  if (ms < SECOND) return `${Math.round(ms)}ms`;
  const totalSeconds = Math.floor(ms / SECOND);
  if (ms < MINUTE) return `${totalSeconds}s`;
  if (ms < HOUR) return pair(Math.floor(totalSeconds / 60), "m", totalSeconds % 60, "s");
  const totalMinutes = Math.floor(totalSeconds / 60);
  if (ms < DAY) return pair(Math.floor(totalMinutes / 60), "h", totalMinutes % 60, "m");
  const totalHours = Math.floor(totalMinutes / 60);
  return pair(Math.floor(totalHours / 24), "d", totalHours % 24, "h");
}

/** "12.3%" from a ratio of 0.123. */
export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return EMPTY_VALUE;
  return `${(ratio * 100).toFixed(digits)}%`;
}

/**
 * "05 Mar 2025" in UTC. Built by hand rather than with Intl because ICU versions differ
 * between Node and browsers (e.g. "Sept"), which would cause hydration mismatches.
 */
export function formatDate(value: DateInput | null | undefined): string {
  const date = toDate(value);
  if (!date) return EMPTY_VALUE;
  return `${pad(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "05 Mar 2025, 14:07 UTC": identical on server and client whatever their time zone. */
export function formatDateTime(value: DateInput | null | undefined): string {
  const date = toDate(value);
  if (!date) return EMPTY_VALUE;
  return `${formatDate(date)}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

/**
 * "just now", "3 min ago", "2 hours ago", "5 days ago", or "in 4 min" for future dates.
 * Beyond 30 days it shows the date, because "47 days ago" is harder to place.
 */
export function formatRelativeTime(value: DateInput | null | undefined, now: DateInput = new Date()): string {
  const date = toDate(value);
  const reference = toDate(now);
  if (!date || !reference) return EMPTY_VALUE;
  const diff = reference.getTime() - date.getTime();
  const abs = Math.abs(diff);
  if (abs < 45 * SECOND) return "just now";
  if (abs >= 30 * DAY) return formatDate(date);
  let text: string;
  if (abs < HOUR) text = `${Math.max(1, Math.floor(abs / MINUTE))} min`;
  else if (abs < DAY) text = plural(Math.floor(abs / HOUR), "hour");
  else text = plural(Math.floor(abs / DAY), "day");
  return diff >= 0 ? `${text} ago` : `in ${text}`;
}

const COMPACT_UNITS = [
  { size: 1e9, suffix: "B" },
  { size: 1e6, suffix: "M" },
  { size: 1e3, suffix: "k" },
];

/** "1,234" below ten thousand, then "12.5k", "3.4M", "1B"; hand-built for the same ICU reason. */
export function formatCompactNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY_VALUE;
  const abs = Math.abs(value);
  if (abs < 10_000)
    return Math.round(value)
      .toString()
      .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const unit = COMPACT_UNITS.find((u) => abs >= u.size)!;
  const scaled = (value / unit.size).toFixed(1).replace(/\.0$/, "");
  return `${scaled}${unit.suffix}`;
}
