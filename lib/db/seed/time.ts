/** Time arithmetic for the seed. Everything is in epoch milliseconds and UTC. */
export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** How far back pipeline history reaches, and how far monitoring series reach. */
export const HISTORY_DAYS = 90;
export const MONITORING_DAYS = 30;

export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

export function isWeekend(ms: number): boolean {
  const day = new Date(ms).getUTCDay();
  return day === 0 || day === 6;
}

export function utcHour(ms: number): number {
  return new Date(ms).getUTCHours();
}

/** `2024-06-03`, used in dataset names and commit messages. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Relative amount of human activity at an hour: the demo team works roughly 08–18 UTC on
 * weekdays, with a lunch dip and a little evening and weekend work.
 */
export function workActivity(ms: number): number {
  const hour = utcHour(ms);
  const weekday = isWeekend(ms) ? 0.12 : 1;
  let daily: number;
  if (hour >= 8 && hour < 12) daily = 1;
  else if (hour === 12) daily = 0.55;
  else if (hour >= 13 && hour < 18) daily = 1.1;
  else if (hour >= 18 && hour < 21) daily = 0.3;
  else if (hour === 7) daily = 0.35;
  else daily = 0.04;
  return weekday * daily;
}

/** Sum of `workActivity` over one weekday, to turn "per working day" rates into hourly ones. */
export const ACTIVITY_PER_WORKDAY = Array.from({ length: 24 }, (_, hour) =>
  // 2024-01-01 was a Monday.
  workActivity(Date.UTC(2024, 0, 1, hour)),
).reduce((sum, value) => sum + value, 0);

/** Next weekday working-hour instant at or after `ms` (used for human actions like promotions). */
export function nextWorkingTime(ms: number, hourFrom = 9, hourTo = 17): number {
  let t = ms;
  for (let guard = 0; guard < 14 * 24; guard++) {
    const hour = utcHour(t);
    if (!isWeekend(t) && hour >= hourFrom && hour < hourTo) return t;
    t = Math.floor(t / HOUR) * HOUR + HOUR;
  }
  return ms;
}
