import { ROLLUP_GRAINS_SECONDS } from "./rollup-grains";

/**
 * How one downsampled read is answered. Chart buckets are `date_bin(bucketMs, ts, originMs)`.
 * With a grain, whole rollup buckets inside [innerFrom, innerTo) come from metric_rollups
 * and only the ragged edges [from, innerFrom) and [innerTo, to) from raw points, so the
 * answer equals what the raw points alone would give for the same buckets.
 */
export type ReadPlan = {
  bucketMs: number;
  originMs: number;
  grainSeconds: number | null;
  innerFromMs: number;
  innerToMs: number;
};

/**
 * Picks the bucket width for at most `maxPoints` buckets over [from, to). Prefers the
 * coarsest rollup grain that still yields at least half of maxPoints buckets (a 30-day
 * chart: 720 hourly buckets from 720 rollup rows, instead of 4,320 ten-minute ones):
 * the width becomes a multiple of that grain and the origin snaps to its grid, so the
 * first bucket may start up to one grain before `from` (it still only holds points from
 * `from` on). Short ranges, where no grain is fine enough, read raw points with the ideal
 * width ceil((to - from) / maxPoints) from `from`.
 */
export function planRead(
  fromMs: number,
  toMs: number,
  maxPoints: number,
  grainsSeconds: readonly number[] = ROLLUP_GRAINS_SECONDS,
): ReadPlan {
  const ideal = Math.max(1, Math.ceil((toMs - fromMs) / maxPoints));
  for (const grain of [...grainsSeconds].sort((a, b) => b - a)) {
    const grainMs = grain * 1000;
    const originMs = Math.floor(fromMs / grainMs) * grainMs;
    // Sized from the snapped origin so the bucket count still stays within maxPoints.
    const bucketMs = Math.max(1, Math.ceil((toMs - originMs) / maxPoints / grainMs)) * grainMs;
    const innerFromMs = Math.ceil(fromMs / grainMs) * grainMs;
    const innerToMs = Math.floor(toMs / grainMs) * grainMs;
    const buckets = Math.ceil((toMs - originMs) / bucketMs);
    if (buckets * 2 >= maxPoints && innerFromMs < innerToMs) {
      return { bucketMs, originMs, grainSeconds: grain, innerFromMs, innerToMs };
    }
  }
  return { bucketMs: ideal, originMs: fromMs, grainSeconds: null, innerFromMs: toMs, innerToMs: toMs };
}
