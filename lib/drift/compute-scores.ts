import type { FeatureDistribution } from "@/lib/db/schema/drift";
import { histogram, quantileEdges } from "@/lib/monitoring/drift/distribution";
import { jensenShannonDistance } from "@/lib/monitoring/drift/jensen-shannon";
import { ksFromHistograms, ksStatistic } from "@/lib/monitoring/drift/ks";
import { psi } from "@/lib/monitoring/drift/psi";

export type DriftScores = { psi: number; ks: number | null; jsDistance: number };

/** Why two distributions cannot be compared; the API turns it into a 400. */
export class IncompatibleDistributions extends Error {}

const sameEdges = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((e, i) => e === b[i]);

/** A histogram's counts in histogram()'s layout: an empty bin below the first edge and above the last. */
const padded = (counts: readonly number[]) => [0, ...counts, 0];

/** The reason a report cannot be scored against a reference, or null when it can. */
export function incompatibility(reference: FeatureDistribution, current: FeatureDistribution): string | null {
  if ((reference.kind === "categorical") !== (current.kind === "categorical")) {
    return `The reference is ${reference.kind} and the report is ${current.kind}: a categorical feature is compared with categories only.`;
  }
  if (
    reference.kind === "histogram" &&
    current.kind === "histogram" &&
    !sameEdges(reference.edges, current.edges)
  ) {
    return "The histogram's edges differ from the reference's: send the same edges, or raw samples.";
  }
  return null;
}

/**
 * PSI, Kolmogorov–Smirnov and Jensen–Shannon distance of `current` against `reference`.
 * Samples against samples: bins at the reference's deciles, KS on the raw samples.
 * A histogram on either side: the other side's samples are binned at its edges, KS from
 * the histograms. Categories: bins are the union of categories; KS is not defined (null).
 */
export function computeScores(reference: FeatureDistribution, current: FeatureDistribution): DriftScores {
  const reason = incompatibility(reference, current);
  if (reason) throw new IncompatibleDistributions(reason);
  if (reference.kind === "categorical" && current.kind === "categorical") {
    const keys = [...new Set([...Object.keys(reference.counts), ...Object.keys(current.counts)])].sort();
    const r = keys.map((k) => reference.counts[k] ?? 0);
    const c = keys.map((k) => current.counts[k] ?? 0);
    return { psi: psi(r, c), ks: null, jsDistance: jensenShannonDistance(r, c) };
  }
  if (reference.kind === "samples" && current.kind === "samples") {
    const edges = quantileEdges(reference.values, 10);
    const r = histogram(reference.values, edges);
    const c = histogram(current.values, edges);
    return {
      psi: psi(r, c),
      ks: ksStatistic(reference.values, current.values),
      jsDistance: jensenShannonDistance(r, c),
    };
  }
  const edges = reference.kind === "histogram" ? reference.edges : (current as { edges: number[] }).edges;
  const binned = (d: FeatureDistribution) =>
    d.kind === "histogram" ? padded(d.counts) : histogram((d as { values: number[] }).values, edges);
  const r = binned(reference);
  const c = binned(current);
  return { psi: psi(r, c), ks: ksFromHistograms(r, c), jsDistance: jensenShannonDistance(r, c) };
}

/** How many observations a distribution holds. */
export function observationCount(d: FeatureDistribution): number {
  if (d.kind === "samples") return d.values.length;
  const counts = d.kind === "histogram" ? d.counts : Object.values(d.counts);
  return counts.reduce((a, b) => a + b, 0);
}
