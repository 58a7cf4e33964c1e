import type { DiffRow, MetricComparison } from "./math";

/** The part of a comparison the CSV holds (kept structural so it is tested without a database). */
export type CsvComparison = {
  baseline: { version: number };
  versions: { version: number }[];
  metrics: MetricComparison[];
  params: DiffRow[];
  tags: DiffRow[];
};

/** RFC 4180 quoting, and a leading ' for cells a spreadsheet would run as a formula. */
function cell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === "string") text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A comparison as CSV: one row per metric, param and tag; a column per version, then for each
 * version other than the baseline its delta (12 significant digits, so 0.9 − 0.8 reads 0.1)
 * and relative delta in percent on metric rows.
 */
export function comparisonToCsv(c: CsvComparison): string {
  const others = c.versions.filter((v) => v.version !== c.baseline.version);
  const header = [
    "kind",
    "key",
    "direction",
    "differs",
    ...c.versions.map((v) => `v${v.version}${v.version === c.baseline.version ? " (baseline)" : ""}`),
    ...others.flatMap((v) => [`v${v.version} delta`, `v${v.version} delta %`]),
  ];
  const metricRows = c.metrics.map((m) => {
    const byVersion = new Map(m.cells.map((x) => [x.version, x]));
    const values = m.cells.map((x) => x.value);
    return [
      "metric",
      m.key,
      m.direction,
      String(new Set(values).size > 1),
      ...values,
      ...others.flatMap((v) => {
        const x = byVersion.get(v.version);
        return [
          x?.delta == null ? null : Number(x.delta.toPrecision(12)),
          x?.relative == null ? null : Number((x.relative * 100).toFixed(4)),
        ];
      }),
    ];
  });
  const diffRows = (kind: string, rows: DiffRow[]) =>
    rows.map((r) => [kind, r.key, "", String(r.differs), ...r.values, ...others.flatMap(() => ["", ""])]);
  return `${[header, ...metricRows, ...diffRows("param", c.params), ...diffRows("tag", c.tags)]
    .map((row) => row.map(cell).join(","))
    .join("\r\n")}\r\n`;
}
