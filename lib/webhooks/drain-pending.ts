import "server-only";
import { and, asc, eq, gt } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { webhookDeliveries } from "@/lib/db/schema";
import { normalizeDelivery } from "./normalize-delivery";

const BATCH = 100;
/**
 * Deliveries normalized side by side within a drain, started in arrival order: as many as the
 * per-delivery jobs ran before (localConcurrency 4), so a busy connection drains as fast.
 */
export const DRAIN_CONCURRENCY = 4;
/**
 * A drain stops after this long and asks for another, which queues behind other connections'
 * drains: one busy connection does not hold the worker.
 */
export const DRAIN_BUDGET_MS = 10_000;

export type DrainOptions = {
  /**
   * A delivery whose normalization threw (an unexpected error, worth a retry). The drain goes
   * on with the next ones; the callee decides who retries it (the worker hands it to the
   * per-delivery normalize job). When it throws, the drain stops and throws.
   */
  onError: (deliveryId: number, error: unknown) => Promise<void>;
  /** Deliveries to leave alone this time (already handed over for a retry). */
  skip?: (deliveryId: number) => boolean;
  budgetMs?: number;
  concurrency?: number;
  now?: () => number;
};

export type DrainResult = {
  /** Deliveries normalized (or settled as ignored / failed) by this drain. */
  normalized: number;
  /** Deliveries handed to onError. */
  errored: number;
  /** True when the budget ran out with deliveries possibly left: the caller asks for another drain. */
  more: boolean;
};

/**
 * Normalizes a connection's pending deliveries in arrival (id) order, in batches, until none
 * is left; up to DRAIN_CONCURRENCY at a time, each started after the ones before it. The
 * normalizer itself is unchanged and needs no order: each delivery is locked and skipped when
 * no longer pending (so two drains, a retry job or a replay never apply one twice), its
 * provider object is locked, and runs and deployments keep their newer-wins rules (a late
 * in_progress never overwrites a completed run). Like the per-delivery job it replaces, it
 * takes pending deliveries of any age (the sweeper only looks back SWEEP_WINDOW_MS).
 */
export async function drainPendingDeliveries(
  db: Executor,
  connectionId: string,
  options: DrainOptions,
): Promise<DrainResult> {
  const now = options.now ?? Date.now;
  const started = now();
  const budget = options.budgetMs ?? DRAIN_BUDGET_MS;
  const result: DrainResult = { normalized: 0, errored: 0, more: false };
  // The cursor moves past deliveries that errored or were skipped, so a batch never repeats one.
  let after = 0;
  for (;;) {
    // Few rows are pending: the partial index on them finds these without reading the others.
    const batch = await db
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.connectionId, connectionId),
          eq(webhookDeliveries.outcome, "pending"),
          gt(webhookDeliveries.id, after),
        ),
      )
      .orderBy(asc(webhookDeliveries.id))
      .limit(BATCH);
    const queue = batch.map((row) => row.id).filter((id) => !options.skip?.(id));
    const failures: unknown[] = [];
    const lane = async () => {
      for (let id = queue.shift(); id !== undefined && failures.length === 0; id = queue.shift()) {
        if (now() - started >= budget) {
          result.more = true;
          return;
        }
        try {
          await normalizeDelivery(db, id, { finalAttempt: false });
          result.normalized++;
        } catch (error) {
          result.errored++;
          try {
            await options.onError(id, error);
          } catch (handOverError) {
            failures.push(handOverError);
          }
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency ?? DRAIN_CONCURRENCY }, lane));
    if (failures.length > 0) throw failures[0];
    if (result.more) return result;
    if (batch.length < BATCH) return result;
    after = batch.at(-1)!.id;
  }
}
