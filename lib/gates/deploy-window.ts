import type { CheckResult } from "./check-rules";
import { formatSpan } from "./format-span";

/**
 * The allowed deployment window of a gate policy, in the policy's time zone. Pure: the
 * local day and hour come from Intl, so daylight saving and odd offsets are handled by the
 * platform's time-zone data rather than by hand.
 */

export type DeployWindow = { days: number[]; startHour: number; endHour: number; timeZone: string };

const DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const STEP_MS = 15 * 60_000;
/** Looking further than a week and a day cannot find an opening that a week did not. */
const LOOKAHEAD_STEPS = (8 * 24 * 60) / 15;

type LocalTime = { day: number; hour: number };

function localClock(timeZone: string): (at: Date) => LocalTime {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    hour: "numeric",
    hourCycle: "h23",
  });
  return (at) => {
    const parts = format.formatToParts(at);
    const weekday = parts.find((p) => p.type === "weekday")?.value ?? "Sun";
    const hour = Number(parts.find((p) => p.type === "hour")?.value ?? 0) % 24;
    return { day: Math.max(0, DAY_NAMES.indexOf(weekday as (typeof DAY_NAMES)[number])), hour };
  };
}

/**
 * Whether a local day and hour fall inside the window. `startHour` is inclusive and
 * `endHour` exclusive; an overnight window (22–6) belongs to the day it starts on; equal
 * hours mean the whole day.
 */
export function isInsideWindow(window: Pick<DeployWindow, "days" | "startHour" | "endHour">, t: LocalTime) {
  const { days, startHour, endHour } = window;
  if (startHour === endHour) return days.includes(t.day);
  if (startHour < endHour) return days.includes(t.day) && t.hour >= startHour && t.hour < endHour;
  if (t.hour >= startHour) return days.includes(t.day);
  return t.hour < endHour && days.includes((t.day + 6) % 7);
}

/** "Mon–Fri", "Mon, Wed, Fri", "Every day". */
export function describeDays(days: number[]): string {
  const sorted = [...new Set(days)].filter((d) => d >= 0 && d <= 6).sort((a, b) => a - b);
  if (sorted.length === 7) return "Every day";
  const runs: number[][] = [];
  for (const day of sorted) {
    const run = runs.at(-1);
    if (run && run.at(-1) === day - 1) run.push(day);
    else runs.push([day]);
  }
  return runs
    .map((run) =>
      run.length >= 3
        ? `${DAY_NAMES[run[0]!]}–${DAY_NAMES[run.at(-1)!]}`
        : run.map((d) => DAY_NAMES[d]).join(", "),
    )
    .join(", ");
}

const hh = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

export function describeWindow(window: DeployWindow): string {
  const hours =
    window.startHour === window.endHour ? "all day" : `${hh(window.startHour)}–${hh(window.endHour)}`;
  return `${describeDays(window.days)} ${hours} ${window.timeZone}`;
}

/** Milliseconds until the window next opens (null: not within eight days, i.e. never). */
export function msUntilWindowOpens(window: DeployWindow, now: Date): number | null {
  const clock = localClock(window.timeZone);
  const first = Math.ceil(now.getTime() / STEP_MS) * STEP_MS;
  for (let i = 0; i <= LOOKAHEAD_STEPS; i++) {
    const at = first + i * STEP_MS;
    if (isInsideWindow(window, clock(new Date(at)))) return at - now.getTime();
  }
  return null;
}

/** The deployment-window check; null when the policy has no window. */
export function deployWindowCheck(window: DeployWindow | null, now: Date): CheckResult | null {
  if (!window) return null;
  const base = { key: "window", kind: "window" as const, label: "Inside the deploy window" };
  let clock: (at: Date) => LocalTime;
  try {
    clock = localClock(window.timeZone);
  } catch {
    return {
      ...base,
      status: "failed",
      detail: `The deploy window's time zone "${window.timeZone}" is unknown.`,
    };
  }
  const described = describeWindow(window);
  if (isInsideWindow(window, clock(now))) {
    return { ...base, status: "passed", detail: `Inside the deploy window (${described}).` };
  }
  const wait = msUntilWindowOpens(window, now);
  if (wait === null) {
    return { ...base, status: "failed", detail: `The deploy window (${described}) never opens.` };
  }
  return {
    ...base,
    status: "pending",
    detail: `Outside the deploy window (${described}); it opens in ${formatSpan(wait)}.`,
    waitingFor: `deploy window (opens in ${formatSpan(wait)})`,
  };
}
