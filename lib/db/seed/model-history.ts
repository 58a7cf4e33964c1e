import type { ModelSpec } from "./model-specs";
import type { MetricHistoryRow } from "./plan-types";
import { type Random, round } from "./random";

type TrainingWindow = { startedAt: number; finishedAt: number };

/**
 * Per-step curves for one version, converging on its final metrics, with timestamps
 * spread over the training run that produced it.
 */
export function planMetricHistory(
  random: Random,
  spec: ModelSpec,
  versionId: string,
  metrics: Record<string, number>,
  params: Record<string, string>,
  window: TrainingWindow,
): MetricHistoryRow[] {
  const steps = random.int(spec.steps[0], spec.steps[1]);
  // Training fills roughly the middle of the run; data prep comes before, evaluation after.
  const trainFrom = window.startedAt + (window.finishedAt - window.startedAt) * 0.15;
  const trainTo = window.startedAt + (window.finishedAt - window.startedAt) * 0.85;
  const rows: MetricHistoryRow[] = [];
  for (const curve of spec.curves) {
    const peak = Number.parseFloat(params.learning_rate ?? "0.001");
    const final =
      (typeof curve.final === "string" ? metrics[curve.final]! : curve.final) * (curve.finalScale ?? 1);
    const speed = random.float(3.5, 5.5);
    for (let step = 0; step < steps; step++) {
      const progress = step / (steps - 1);
      const value =
        curve.shape === "schedule"
          ? learningRate(peak, progress)
          : converging(random, curve.start, final, progress, speed);
      rows.push({
        versionId,
        key: curve.key,
        step,
        value: curve.shape === "schedule" ? value : round(value, 5),
        ts: new Date(trainFrom + (trainTo - trainFrom) * progress),
      });
    }
  }
  return rows;
}

/** Exponential approach from `start` to `final` with noise that fades as training settles. */
function converging(random: Random, start: number, final: number, progress: number, speed: number): number {
  if (progress >= 1) return final;
  const ideal = final + (start - final) * Math.exp(-speed * progress);
  const noise = random.normal(0, Math.abs(start - final) * 0.025 * (1 - progress));
  return ideal + noise;
}

/** Linear warm-up over the first tenth, then cosine decay: the usual transformer schedule. */
function learningRate(peak: number, progress: number): number {
  if (progress < 0.1) return (peak * progress) / 0.1;
  return peak * 0.5 * (1 + Math.cos((Math.PI * (progress - 0.1)) / 0.9));
}
