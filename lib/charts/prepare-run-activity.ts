export type RunActivityInput = { bucketStart: string; succeeded: number; failed: number; other: number };
export type RunActivityPoint = RunActivityInput & {
  label: string;
  total: number;
  failureRate: number | null;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function label(date: Date, bucket: "hour" | "day"): string {
  const iso = date.toISOString();
  return bucket === "hour" ? `${iso.slice(11, 13)}:00` : `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;
}

/**
 * Shapes run counts per bucket for a stacked bar chart. A bucket with no runs is a real
 * zero (nothing ran), so missing buckets between `from` and `to` are filled with zeros;
 * its failure rate is null (unknown), not 0 %.
 */
export function prepareRunActivity(
  buckets: RunActivityInput[],
  bucket: "hour" | "day",
  from: Date,
  to: Date,
): RunActivityPoint[] {
  const step = bucket === "hour" ? HOUR : DAY;
  const byStart = new Map(buckets.map((b) => [new Date(b.bucketStart).getTime(), b]));
  const first = Math.floor(from.getTime() / step) * step;
  const points: RunActivityPoint[] = [];
  for (let t = first; t <= to.getTime(); t += step) {
    const found = byStart.get(t);
    const succeeded = found?.succeeded ?? 0;
    const failed = found?.failed ?? 0;
    const other = found?.other ?? 0;
    const finished = succeeded + failed;
    points.push({
      bucketStart: new Date(t).toISOString(),
      label: label(new Date(t), bucket),
      succeeded,
      failed,
      other,
      total: succeeded + failed + other,
      failureRate: finished === 0 ? null : failed / finished,
    });
  }
  return points;
}
