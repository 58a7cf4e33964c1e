const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A length of time for gate reasons ("12 min", "2 h 5 min", "3 d 4 h"), rounded up to the
 * minute so a countdown never says "0 min left" while something is still waiting.
 */
export function formatSpan(ms: number): string {
  const minutes = Math.max(1, Math.ceil(Math.abs(ms) / MINUTE));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < (DAY / MINUTE) * 2) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m > 0 && h < 10 ? `${h} h ${m} min` : `${h} h`;
  }
  const hours = Math.floor(minutes / 60);
  const d = Math.floor(hours / 24);
  const h = hours % 24;
  return h > 0 ? `${d} d ${h} h` : `${d} d`;
}
