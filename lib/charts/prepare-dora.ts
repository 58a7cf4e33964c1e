/**
 * Shapes DORA metrics (lib/dora) for the summary tiles and the weekly trend charts. Pure and
 * unit-tested: a week without data is null so the trend line breaks rather than dropping to 0.
 */

type Time = string | Date | number;

export type DoraMetricsInput = {
  deployments: number;
  deploymentsPerDay: number | null;
  leadTimeMs: number | null;
  changeFailureRate: number | null;
  timeToRestoreMs: number | null;
};
export type DoraReportInput = {
  summary: DoraMetricsInput;
  weeks: (DoraMetricsInput & { weekStart: Time })[];
};

export type DoraTile = { key: DoraKey; label: string; value: string; hint: string };
export type DoraKey = "frequency" | "leadTime" | "failureRate" | "restore";
export type DoraTrendRow = { x: number } & Record<DoraKey, number | null>;

const HOUR = 3_600_000;

/** "42 min", "5.5 h", "3.2 d"; an em dash for no data. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / 60_000))} min`;
  if (ms < 48 * HOUR) return `${Number((ms / HOUR).toFixed(1))} h`;
  return `${Number((ms / (24 * HOUR)).toFixed(1))} d`;
}

function frequency(perDay: number | null): string {
  if (perDay === null) return "—";
  if (perDay >= 1) return `${Number(perDay.toFixed(1))} / day`;
  return `${Number((perDay * 7).toFixed(1))} / week`;
}

export function prepareDora(report: DoraReportInput): { tiles: DoraTile[]; trend: DoraTrendRow[] } {
  const s = report.summary;
  const tiles: DoraTile[] = [
    {
      key: "frequency",
      label: "Deployment frequency",
      value: frequency(s.deploymentsPerDay),
      hint: "successful production deployments",
    },
    {
      key: "leadTime",
      label: "Lead time",
      value: formatDuration(s.leadTimeMs),
      hint: "median, commit or training run to production",
    },
    {
      key: "failureRate",
      label: "Change failure rate",
      value: s.changeFailureRate === null ? "—" : `${Math.round(s.changeFailureRate * 100)} %`,
      hint: `of ${s.deployments} production ${s.deployments === 1 ? "change" : "changes"}`,
    },
    {
      key: "restore",
      label: "Time to restore",
      value: formatDuration(s.timeToRestoreMs),
      hint: "median, failure or alert to fix",
    },
  ];
  const trend = report.weeks.map((w) => ({
    x: new Date(w.weekStart).getTime(),
    frequency: w.deploymentsPerDay,
    leadTime: w.leadTimeMs === null ? null : w.leadTimeMs / HOUR,
    failureRate: w.changeFailureRate === null ? null : w.changeFailureRate * 100,
    restore: w.timeToRestoreMs === null ? null : w.timeToRestoreMs / HOUR,
  }));
  return { tiles, trend };
}

/** Units of the trend rows, for axes and tooltips. */
export const DORA_TREND_UNITS: Record<DoraKey, string> = {
  frequency: "/ day",
  leadTime: "h",
  failureRate: "%",
  restore: "h",
};
