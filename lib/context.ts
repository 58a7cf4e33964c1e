import type { Actor } from "@/lib/auth/actor";
import type { Executor } from "@/lib/db/client";

/** What every service verb receives: who acts, on which database (or open transaction). */
export type ServiceContext = { db: Executor; actor: Actor; now?: Date };

export function nowOf(ctx: ServiceContext): Date {
  return ctx.now ?? new Date();
}
