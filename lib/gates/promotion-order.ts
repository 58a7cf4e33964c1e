/**
 * Promotion order, pure: a release or model version moves one environment at a time, to
 * the environment right after the furthest one it runs in now (the first one when it runs
 * nowhere). Admins may skip the order in an emergency; the verb checks that.
 */

export type OrderedEnvironment = { id: string; name: string; position: number };

export type OrderVerdict<E extends OrderedEnvironment> =
  | { ok: true; next: E }
  | { ok: false; next: E | null; reason: string; alreadyThere: boolean };

export function checkPromotionOrder<E extends OrderedEnvironment>(
  environments: readonly E[],
  runsIn: ReadonlySet<string>,
  target: E,
  subjectLabel: string,
): OrderVerdict<E> {
  const sorted = [...environments].sort((a, b) => a.position - b.position);
  const here = sorted.filter((e) => runsIn.has(e.id));
  const furthest = here.at(-1) ?? null;
  const next = furthest ? (sorted.find((e) => e.position > furthest.position) ?? null) : (sorted[0] ?? null);
  if (runsIn.has(target.id)) {
    return { ok: false, next, alreadyThere: true, reason: `${subjectLabel} already runs in ${target.name}.` };
  }
  if (next?.id === target.id) return { ok: true, next };
  const where = furthest ? `runs in ${furthest.name} now` : "does not run anywhere yet";
  const then = next ? `the next environment is ${next.name}` : "it is already in the last environment";
  return {
    ok: false,
    next,
    alreadyThere: false,
    reason: `${subjectLabel} ${where}, so ${then}, not ${target.name}. Promotions follow the environment order unless an admin declares an emergency.`,
  };
}
