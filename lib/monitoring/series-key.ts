/**
 * Canonical series key: `name{k="v",...}` with labels sorted by name, backslashes and quotes
 * escaped. Two senders that list the same labels in a different order land on one series.
 * Pure: the demo seed and the ingest API both build keys with it.
 */
export function seriesKey(name: string, labels: Record<string, string>): string {
  const pairs = Object.keys(labels)
    .sort()
    .map((k) => `${k}="${labels[k]!.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`);
  return `${name}{${pairs.join(",")}}`;
}
