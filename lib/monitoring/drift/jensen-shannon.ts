import { assertSameBins, toProportions } from "./distribution";

/** p · log2(p / m), with the convention 0 · log 0 = 0. */
const term = (p: number, m: number) => (p > 0 ? p * Math.log2(p / m) : 0);

/**
 * Jensen–Shannon distance between two distributions over the same bins (counts or
 * proportions): the square root of the JS divergence in base 2, so in [0, 1] and a true
 * metric. 0 for identical distributions, 1 for ones with no bin in common. Unlike PSI it
 * needs no smoothing: the mixture m is never 0 where p or q is not.
 */
export function jensenShannonDistance(a: readonly number[], b: readonly number[]): number {
  assertSameBins(a, b);
  const p = toProportions(a);
  const q = toProportions(b);
  let divergence = 0;
  for (let i = 0; i < p.length; i++) {
    const m = (p[i]! + q[i]!) / 2;
    divergence += 0.5 * term(p[i]!, m) + 0.5 * term(q[i]!, m);
  }
  // Rounding can leave a hair below 0 or above 1.
  return Math.sqrt(Math.min(1, Math.max(0, divergence)));
}
