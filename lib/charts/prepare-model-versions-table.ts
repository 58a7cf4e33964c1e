import { metricValue, type VersionMetrics } from "./prepare-metric-by-version";

/** Metric columns shown at once; more would not fit beside aliases and deployments. */
export const MAX_METRIC_COLUMNS = 6;

export type VersionSort = { key: string; dir: "asc" | "desc" };
/** `key` is "version" or a metric key. */
export const DEFAULT_VERSION_SORT: VersionSort = { key: "version", dir: "desc" };

/**
 * The metric columns of a versions table: the primary metric first, then the metrics most
 * versions logged (ties alphabetical), at most `max`.
 */
export function metricColumns(versions: VersionMetrics[], primary: string | null, max = MAX_METRIC_COLUMNS) {
  const counts = new Map<string, number>();
  for (const v of versions) {
    for (const key of Object.keys(v.metrics)) {
      if (metricValue(v.metrics, key) !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const rest = [...counts.entries()]
    .filter(([key]) => key !== primary)
    .sort(([a, na], [b, nb]) => nb - na || a.localeCompare(b))
    .map(([key]) => key);
  return (primary ? [primary, ...rest] : rest).slice(0, max);
}

/** Reads `?sort=&dir=`; anything unknown falls back to newest version first. */
export function parseVersionSort(sort: string | null, dir: string | null, columns: string[]): VersionSort {
  if (!sort || (sort !== "version" && !columns.includes(sort))) return DEFAULT_VERSION_SORT;
  return { key: sort, dir: dir === "asc" ? "asc" : "desc" };
}

/** The sort a column header click asks for: flip the direction on the same column, else descending. */
export function nextVersionSort(current: VersionSort, key: string): VersionSort {
  return current.key === key ? { key, dir: current.dir === "asc" ? "desc" : "asc" } : { key, dir: "desc" };
}

/**
 * Versions sorted by version number or by a metric. Versions without the metric go last
 * in either direction (a gap is not a low score); ties keep the newest version first.
 */
export function sortVersions<T extends VersionMetrics>(versions: T[], sort: VersionSort): T[] {
  const sign = sort.dir === "asc" ? 1 : -1;
  if (sort.key === "version") return [...versions].sort((a, b) => sign * (a.version - b.version));
  return [...versions].sort((a, b) => {
    const x = metricValue(a.metrics, sort.key);
    const y = metricValue(b.metrics, sort.key);
    if (x === null || y === null) return x === y ? b.version - a.version : x === null ? 1 : -1;
    return sign * (x - y) || b.version - a.version;
  });
}
