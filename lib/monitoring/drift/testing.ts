/**
 * Normal-distribution fixtures for the drift statistics' tests (tests only): exact bin
 * probabilities and deterministic samples, so "a shifted normal" has known answers.
 */

/** erf by Abramowitz & Stegun 7.1.26 (absolute error < 1.5e-7). */
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t;
  return sign * (1 - y * Math.exp(-x * x));
}

export function normalCdf(x: number, mean = 0, sd = 1): number {
  return 0.5 * (1 + erf((x - mean) / (sd * Math.SQRT2)));
}

/** Inverse standard normal CDF by Acklam's rational approximation (relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low || p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p));
    const x =
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
    return p < low ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/** n evenly spread quantiles of N(mean, 1): a noise-free "sample". */
export function normalSample(n: number, mean = 0): number[] {
  return Array.from({ length: n }, (_, i) => mean + normalQuantile((i + 0.5) / n));
}

/** Probability of N(mean, 1) in each bin of `edges` (with the two open-ended tails). */
export function normalBins(edges: readonly number[], mean = 0): number[] {
  const cdf = edges.map((e) => normalCdf(e, mean));
  return [cdf[0]!, ...cdf.slice(1).map((c, i) => c - cdf[i]!), 1 - cdf[cdf.length - 1]!];
}

/** Edges every 0.05 from −6 to 6.5: fine enough that binned statistics approach the continuous ones. */
export const FINE_EDGES = Array.from({ length: 251 }, (_, i) => -6 + 0.05 * i);
