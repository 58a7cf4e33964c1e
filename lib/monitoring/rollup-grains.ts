/**
 * The grains of metric_rollups, finest first, in seconds. The triggers in migration 0001
 * maintain exactly these (`VALUES (600), (3600)`): change both together. Every grain
 * divides the next and all are epoch-aligned (`date_bin(grain, ts, 'epoch')`), so a chart
 * bucket that is a multiple of a grain and starts on its grid is covered by whole rollups.
 */
export const ROLLUP_GRAINS_SECONDS = [600, 3600] as const;
