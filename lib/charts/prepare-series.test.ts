import { describe, expect, it } from "vitest";
import { prepareSeries, type SeriesReadingInput } from "./prepare-series";

const HOUR = 3_600_000;
const t0 = Date.UTC(2026, 2, 1, 0, 0, 0);
const iso = (t: number) => new Date(t).toISOString();

/** Six hourly buckets; `buckets` maps bucket index to [min, max, avg]. */
function reading(
  buckets: Record<number, [number, number, number]>[],
  overrides: Partial<SeriesReadingInput> = {},
): SeriesReadingInput {
  return {
    from: iso(t0),
    to: iso(t0 + 6 * HOUR),
    origin: iso(t0),
    bucketMs: HOUR,
    series: buckets.map((b, i) => ({
      id: `s${i}`,
      name: i === 0 ? "latency_p95_ms" : "error_rate",
      unit: i === 0 ? "ms" : null,
      labels: {},
      buckets: Object.entries(b).map(
        ([k, [min, max, avg]]) => [t0 + Number(k) * HOUR, min, max, avg, 10] as const,
      ),
    })),
    ...overrides,
  };
}

describe("prepareSeries", () => {
  it("makes one row per bucket, the average as the line and min–max as the band", () => {
    const chart = prepareSeries(reading([{ 0: [90, 110, 100], 1: [95, 130, 105] }]));
    expect(chart.domain).toEqual([t0, t0 + 6 * HOUR]);
    expect(chart.rows).toHaveLength(6);
    expect(chart.rows[0]).toEqual({ x: t0, y0: 100, band0: [90, 110] });
    expect(chart.rows[1]).toEqual({ x: t0 + HOUR, y0: 105, band0: [95, 130] });
  });

  it("keeps a peak through the band's max even when the average hides it", () => {
    const chart = prepareSeries(reading([{ 0: [90, 110, 100], 2: [95, 999, 120], 3: [90, 115, 101] }]));
    expect(chart.rows[2]!.band0).toEqual([95, 999]);
    expect(chart.lines[0]!.peak).toEqual({ x: t0 + 2 * HOUR, value: 999 });
    expect(chart.summary).toContain("peak 999 ms");
  });

  it("leaves empty buckets as null so the line breaks: never zero", () => {
    const chart = prepareSeries(reading([{ 0: [1, 1, 1], 4: [2, 2, 2] }]));
    expect(chart.rows.map((r) => r.y0)).toEqual([1, null, null, null, 2, null]);
    expect(chart.rows.map((r) => r.band0)).toEqual([[1, 1], null, null, null, [2, 2], null]);
    expect(chart.rows.some((r) => r.y0 === 0)).toBe(false);
    expect(chart.lines[0]!.gaps).toBe(4);
    expect(chart.summary).toContain("4 of 6 intervals without data");
  });

  it("aligns several series on one grid, each with its own keys and colour", () => {
    const chart = prepareSeries(reading([{ 0: [1, 1, 1] }, { 1: [0.02, 0.04, 0.03] }]));
    expect(chart.rows[0]).toMatchObject({ y0: 1, y1: null });
    expect(chart.rows[1]).toMatchObject({ y0: null, y1: 0.03, band1: [0.02, 0.04] });
    expect(chart.lines.map((l) => [l.valueKey, l.bandKey, l.color])).toEqual([
      ["y0", "band0", "var(--chart-1)"],
      ["y1", "band1", "var(--chart-2)"],
    ]);
  });

  it("plots a first bucket that starts before `from` (rollup grid) at `from`", () => {
    const from = t0 + 20 * 60_000;
    const chart = prepareSeries(reading([{ 0: [5, 5, 5] }], { from: iso(from) }));
    expect(chart.rows[0]!.x).toBe(from);
    expect(chart.rows[1]!.x).toBe(t0 + HOUR);
    expect(chart.domain[0]).toBe(from);
  });

  it("says so when a series has no data at all", () => {
    const chart = prepareSeries(reading([{}]));
    expect(chart.rows.every((r) => r.y0 === null)).toBe(true);
    expect(chart.lines[0]!.peak).toBeNull();
    expect(chart.summary).toBe("latency_p95_ms: no data in range.");
  });

  it("sorts deployment markers and drops those outside the range", () => {
    const chart = prepareSeries(reading([{ 0: [1, 1, 1] }]), [
      { at: iso(t0 + 5 * HOUR), label: "v1.4.2", href: "/deployments/c" },
      { at: iso(t0 - 1), label: "v1.4.0", href: "/deployments/a" },
      { at: new Date(t0 + HOUR), label: "v1.4.1", href: "/deployments/b" },
      { at: iso(t0 + 6 * HOUR + 1), label: "v1.5.0", href: "/deployments/d" },
      { at: "not a date", label: "broken", href: "/deployments/e" },
    ]);
    expect(chart.markers).toEqual([
      { x: t0 + HOUR, label: "v1.4.1", href: "/deployments/b" },
      { x: t0 + 5 * HOUR, label: "v1.4.2", href: "/deployments/c" },
    ]);
    expect(chart.summary).toContain("2 deployments marked");
  });

  it("draws thresholds of the drawn series only, and says which are firing", () => {
    const chart = prepareSeries(
      reading([{ 0: [1, 1, 1] }]),
      [],
      [
        { seriesId: "s0", name: "Slow", comparator: "gt", threshold: 300, state: "firing" },
        { seriesId: "s0", name: "Fast", comparator: "lt", threshold: 5, state: null },
        { seriesId: "other", name: "Elsewhere", comparator: "gt", threshold: 1, state: "firing" },
      ],
    );
    expect(chart.thresholds).toEqual([
      { y: 300, label: "Slow (> 300) firing", firing: true },
      { y: 5, label: "Fast (< 5)", firing: false },
    ]);
    expect(chart.summary).toMatch(/1 alert firing\.$/);
  });
});
