import { assertSameBins, histogram, quantileEdges, toProportions } from "./distribution";

/** Floor for an empty bin's proportion, so ln(actual / expected) stays finite. */
export const PSI_EPSILON = 1e-4;

/**
 * Population stability index of `actual` against `expected` over the same bins (counts or
 * proportions): Σ (a − e) · ln(a / e). 0 means identical; by the usual rule of thumb
 * < 0.1 is stable, 0.1–0.2 a moderate shift and > 0.2 a significant one. An empty bin's
 * proportion is raised to `epsilon` (without renormalising, as most tools do).
 */
export function psi(expected: readonly number[], actual: readonly number[], epsilon = PSI_EPSILON): number {
  assertSameBins(expected, actual);
  const e = toProportions(expected);
  const a = toProportions(actual);
  let sum = 0;
  for (let i = 0; i < e.length; i++) {
    const ei = Math.max(e[i]!, epsilon);
    const ai = Math.max(a[i]!, epsilon);
    sum += (ai - ei) * Math.log(ai / ei);
  }
  return sum;
}

/** PSI of raw samples, binned at the reference's deciles (or `bins` quantiles). */
export function psiFromSamples(reference: readonly number[], current: readonly number[], bins = 10): number {
  const edges = quantileEdges(reference, bins);
  return psi(histogram(reference, edges), histogram(current, edges));
}
