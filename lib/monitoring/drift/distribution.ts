/**
 * Shared shaping for the drift statistics: histograms over shared bin edges and counts
 * turned into proportions. Pure; the drift job (next increment) feeds it reference and
 * current samples or histograms per feature.
 */

/** Counts per bin, normalised to sum to 1. Throws on negative, non-finite or all-zero counts. */
export function toProportions(counts: readonly number[]): number[] {
  let total = 0;
  for (const c of counts) {
    if (!Number.isFinite(c) || c < 0) throw new RangeError("bin counts must be finite and non-negative");
    total += c;
  }
  if (total === 0) throw new RangeError("a distribution needs at least one observation");
  return counts.map((c) => c / total);
}

export function assertSameBins(a: readonly number[], b: readonly number[]): void {
  if (a.length !== b.length || a.length === 0) {
    throw new RangeError(
      `both distributions need the same, non-zero number of bins (${a.length} vs ${b.length})`,
    );
  }
}

/**
 * Counts samples into bins bounded by ascending `edges`: bin 0 is (-∞, e0), bin i is
 * [e(i-1), e(i)), the last is [e(last), ∞), so edges.length + 1 bins and nothing is lost.
 */
export function histogram(samples: readonly number[], edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const x of samples) {
    // Binary search for the first edge above x.
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edges[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    counts[lo]! += 1;
  }
  return counts;
}

/**
 * Inner edges that cut the reference into `bins` groups of (about) equal size, the usual
 * binning for PSI: each bin holds ~1/bins of the reference. Repeated values collapse edges.
 */
export function quantileEdges(reference: readonly number[], bins = 10): number[] {
  if (reference.length === 0) throw new RangeError("the reference has no samples");
  const sorted = [...reference].sort((a, b) => a - b);
  const edges: number[] = [];
  for (let i = 1; i < bins; i++) {
    const edge = sorted[Math.floor((i * sorted.length) / bins)]!;
    if (edges.length === 0 || edge > edges[edges.length - 1]!) edges.push(edge);
  }
  return edges;
}
