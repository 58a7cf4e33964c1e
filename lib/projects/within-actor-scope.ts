import type { Actor } from "@/lib/auth/actor";

/**
 * Narrows a read's project scope to what the actor may see. Route handlers already pass
 * `projectScope()`'s answer, but a token limited to some projects must never see more
 * because a caller forgot to: null (every project) becomes the actor's own list.
 */
export function withinActorScope(actor: Actor, projectIds: readonly string[] | null): string[] | null {
  const allowed = actor.projectIds;
  if (!allowed) return projectIds ? [...projectIds] : null;
  return (projectIds ?? allowed).filter((id) => allowed.includes(id));
}
