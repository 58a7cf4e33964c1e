import type { ProjectSlug } from "./catalog";
import { clamp, type Random } from "./random";
import { DAY, HOUR, isWeekend, MINUTE, startOfUtcDay } from "./time";

export type RuleSpec = {
  name: string;
  comparator: "gt" | "lt";
  threshold: number;
  forSeconds: number;
  severity: "info" | "warning" | "critical";
};

export type SeriesSpec = {
  name: string;
  kind: "service" | "model";
  unit: string | null;
  project: ProjectSlug;
  labels: Record<string, string>;
  /** Model the series watches (its champion is linked as the series' model version). */
  model?: string;
  decimals: number;
  value: (t: number, random: Random) => number;
  rules: RuleSpec[];
};

/** The moments the monitoring story needs, all relative to `now`. */
export type MonitoringStory = {
  now: number;
  /** The bad checkout release went live at `from` and was rolled back at `to`. */
  regression: { from: number; to: number } | null;
};

/** 0.1 at 03:00 UTC, 1.0 at 15:00 UTC: when shoppers are awake. */
function dailyLoad(t: number): number {
  const hours = (t % DAY) / HOUR;
  return 0.55 - 0.45 * Math.cos((2 * Math.PI * (hours - 3)) / 24);
}

function traffic(t: number): number {
  return dailyLoad(t) * (isWeekend(t) ? 0.75 : 1);
}

/** 0 outside [from, to], 1 inside, with a ten-minute ramp in and a twenty-minute recovery. */
function window(t: number, from: number, to: number): number {
  if (t < from || t > to + 20 * MINUTE) return 0;
  if (t < from + 10 * MINUTE) return (t - from) / (10 * MINUTE);
  if (t > to) return 1 - (t - to) / (20 * MINUTE);
  return 1;
}

/** A smooth hump between from and to, peaking at 1 in the middle. */
function hump(t: number, from: number, to: number): number {
  if (t <= from || t >= to) return 0;
  return Math.sin((Math.PI * (t - from)) / (to - from));
}

type ServiceBase = { latency: number; rps: number; errors: number };
type Shape = (t: number) => number;

/** Latency, errors and throughput of one service; `incident` is a bad release, `outage` a short error burst. */
function serviceSeries(
  project: ProjectSlug,
  service: string,
  base: ServiceBase,
  incident: Shape,
  outage: Shape,
): SeriesSpec[] {
  const labels = { project, environment: "production", service };
  const slow = Math.round(base.latency * 2.2);
  return [
    {
      name: "latency_p95_ms",
      kind: "service",
      unit: "ms",
      project,
      labels,
      decimals: 1,
      // Busy hours are slower; rare spikes stay under the alert unless a release breaks things.
      value: (t, r) => {
        const normal =
          base.latency * (1 + 0.25 * traffic(t)) * (1 + r.normal(0, 0.05)) * (r.chance(0.004) ? 1.5 : 1);
        const healthy = clamp(normal, base.latency * 0.7, base.latency * 2);
        return healthy * (1 + 1.5 * incident(t));
      },
      rules: [
        {
          name: `${service} p95 latency above ${slow} ms`,
          comparator: "gt",
          threshold: slow,
          forSeconds: 600,
          severity: "warning",
        },
      ],
    },
    {
      name: "error_rate",
      kind: "service",
      unit: "ratio",
      project,
      labels,
      decimals: 5,
      value: (t, r) => {
        const healthy = clamp(base.errors * (1 + 0.6 * traffic(t)) * r.logNormal(1, 0.3), 0, 0.02);
        return healthy + incident(t) * r.float(0.055, 0.09) + outage(t) * r.float(0.06, 0.08);
      },
      rules: [
        {
          name: `${service} error rate above 5%`,
          comparator: "gt",
          threshold: 0.05,
          forSeconds: 300,
          severity: "critical",
        },
      ],
    },
    {
      name: "requests_per_second",
      kind: "service",
      unit: "req/s",
      project,
      labels,
      decimals: 1,
      value: (t, r) => base.rps * (0.15 + traffic(t)) * (1 + r.normal(0, 0.04)),
      rules: [],
    },
  ];
}

type Generator = (t: number, r: Random) => number;

function modelSeries(
  project: ProjectSlug,
  model: string,
  accuracy: Generator,
  drift: Record<string, Generator>,
): SeriesSpec[] {
  const labels = { project, environment: "production", model };
  const accuracySeries: SeriesSpec = {
    name: "accuracy",
    kind: "model",
    unit: "ratio",
    project,
    model,
    labels,
    decimals: 4,
    value: accuracy,
    rules: [
      {
        name: `${model} accuracy below 0.9`,
        comparator: "lt",
        threshold: 0.9,
        forSeconds: 1800,
        severity: "warning",
      },
    ],
  };
  const driftSeries = Object.entries(drift).map(
    ([feature, value]): SeriesSpec => ({
      name: "drift_psi",
      kind: "model",
      unit: null,
      project,
      model,
      labels: { ...labels, feature },
      decimals: 4,
      value,
      rules: [
        {
          name: `${model} drift on ${feature} (PSI > 0.2)`,
          comparator: "gt",
          threshold: 0.2,
          forSeconds: 1800,
          severity: "warning",
        },
      ],
    }),
  );
  return [accuracySeries, ...driftSeries];
}

/** Population stability index that wanders around `level` and never reaches the alert on its own. */
const quietDrift = (level: number) => (_t: number, r: Random) =>
  clamp(level + r.normal(0, level * 0.12), 0.005, 0.15);

/**
 * Every monitored series: service health for the two services in production, accuracy and
 * feature drift for the models. The story's regression, a short search outage, a drift
 * spike that went away and a drift that is rising right now are all in here.
 */
export function monitoringSeries(story: MonitoringStory): SeriesSpec[] {
  const { now, regression } = story;
  const none = () => 0;
  const checkoutIncident = regression ? (t: number) => window(t, regression.from, regression.to) : none;
  const searchOutageAt = startOfUtcDay(now - 11 * DAY) + 14 * HOUR + 10 * MINUTE;
  const searchOutage = (t: number) => window(t, searchOutageAt, searchOutageAt + 25 * MINUTE);
  const rankerSpikeAt = startOfUtcDay(now - 18 * DAY) + 5 * HOUR;
  // The merchant-category mix has been shifting for three days and crossed the line today.
  const driftStart = now - 3 * DAY;
  const rising = (t: number) => (t < driftStart ? 0 : ((t - driftStart) / (now - driftStart)) ** 1.6);

  return [
    ...serviceSeries(
      "checkout-service",
      "checkout-api",
      { latency: 180, rps: 240, errors: 0.003 },
      checkoutIncident,
      none,
    ),
    ...serviceSeries(
      "search-ranking",
      "search-api",
      { latency: 95, rps: 820, errors: 0.0012 },
      none,
      searchOutage,
    ),
    ...modelSeries(
      "fraud-detection",
      "fraud-classifier",
      (t, r) => 0.942 - 0.014 * rising(t) + r.normal(0, 0.003),
      {
        amount: quietDrift(0.045),
        merchant_category: (t, r) => 0.06 + 0.215 * rising(t) + r.normal(0, 0.002),
        device_age_days: quietDrift(0.03),
      },
    ),
    ...modelSeries("search-ranking", "ranker", (_t, r) => 0.926 + r.normal(0, 0.004), {
      query_length: (t, r) =>
        quietDrift(0.05)(t, r) + 0.25 * hump(t, rankerSpikeAt, rankerSpikeAt + 8 * HOUR),
      click_through_rate: quietDrift(0.07),
    }),
    ...modelSeries("search-ranking", "query-embedder", (_t, r) => 0.957 + r.normal(0, 0.003), {}),
  ];
}
