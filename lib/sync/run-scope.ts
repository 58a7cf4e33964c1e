import "server-only";
import type { Database } from "@/lib/db/client";
import { InvalidPayloadError } from "@/lib/providers/shared/payload";
import type { ScopePager } from "@/lib/providers/shared/sync-types";
import { applyEffect, type EffectConnection } from "@/lib/webhooks/apply-effect";
import { beginSync, finishSync, recordProgress } from "./sync-state";
import { type RetryOptions, withRetry } from "./with-retry";

export type ScopeResult = {
  scope: string;
  /** Items applied in this pass (runs, deployments). */
  items: number;
  pages: number;
  /** Deployments to an environment no Tandem environment matches (skipped). */
  unknownEnvironments: number;
  /** Items with no project mapping or nothing to store. */
  ignored: number;
};

/** Pages a crashed pass is allowed before it must finish: a guard against a provider looping its links. */
const MAX_PAGES_PER_PASS = 10_000;

/**
 * Runs one pass of one scope: resumes from the stored cursor, fetches page after page
 * (waiting out rate limits), and applies each page's effects through the webhook path
 * (applyEffect → upsertRun / applyDeployment, newer wins) in one transaction with the new
 * cursor, so a crash never loses or repeats a page's bookkeeping. Provider errors propagate;
 * the caller records them with failSync.
 */
export async function runScope(
  db: Database,
  connection: EffectConnection,
  pager: ScopePager,
  retry: RetryOptions = {},
  afterPage?: () => Promise<void>,
): Promise<ScopeResult & { stateId: string }> {
  const state = await beginSync(db, connection.id, pager.scope);
  const result = {
    scope: pager.scope,
    items: 0,
    pages: 0,
    unknownEnvironments: 0,
    ignored: 0,
    stateId: state.id,
  };
  let cursor = state.cursor;
  let itemsDone = state.itemsDone;
  for (;;) {
    if (result.pages >= MAX_PAGES_PER_PASS)
      throw new Error(`${pager.scope}: more than ${MAX_PAGES_PER_PASS} pages`);
    const page = await withRetry(() => pager.page(cursor), retry);
    result.pages += 1;
    await db.transaction(async (tx) => {
      for (const effect of page.effects) {
        const applied = await applyEffect(tx, connection, effect).catch((error: unknown) => {
          // A run that does not fit Tandem's shape is checked before any write: skip it, keep the page.
          if (error instanceof InvalidPayloadError)
            return { outcome: "ignored" as const, note: error.message };
          throw error;
        });
        if (applied.outcome === "processed") continue;
        if (applied.note?.startsWith("no environment named")) result.unknownEnvironments += 1;
        else result.ignored += 1;
      }
      itemsDone += page.effects.length;
      result.items += page.effects.length;
      const itemsTotal = page.itemsTotal == null ? page.itemsTotal : Math.max(page.itemsTotal, itemsDone);
      if (page.done) {
        await recordProgress(tx, state.id, {
          itemsDone,
          itemsTotal: itemsTotal ?? itemsDone,
          cursor: page.cursor,
        });
        await finishSync(tx, state.id, { cursor: page.cursor });
      } else {
        await recordProgress(tx, state.id, { itemsDone, itemsTotal, cursor: page.cursor });
      }
    });
    cursor = page.cursor;
    await afterPage?.();
    if (page.done) return result;
  }
}
