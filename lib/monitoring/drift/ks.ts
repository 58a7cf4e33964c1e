import { assertSameBins, toProportions } from "./distribution";

/**
 * Two-sample Kolmogorov–Smirnov statistic D = sup |F_a(x) − F_b(x)| over raw samples, in
 * [0, 1]. Tied values advance both empirical CDFs together before comparing.
 */
export function ksStatistic(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) throw new RangeError("both samples need at least one value");
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i]!, y[j]!);
    while (i < x.length && x[i]! <= v) i++;
    while (j < y.length && y[j]! <= v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

/**
 * D from two histograms over the same bin edges: the largest gap between the cumulative
 * proportions at a bin boundary. It equals the raw-sample D evaluated only at the edges,
 * so it can only under-estimate D, by at most what one bin hides.
 */
export function ksFromHistograms(a: readonly number[], b: readonly number[]): number {
  assertSameBins(a, b);
  const p = toProportions(a);
  const q = toProportions(b);
  let cp = 0;
  let cq = 0;
  let d = 0;
  for (let i = 0; i < p.length; i++) {
    cp += p[i]!;
    cq += q[i]!;
    d = Math.max(d, Math.abs(cp - cq));
  }
  return d;
}
