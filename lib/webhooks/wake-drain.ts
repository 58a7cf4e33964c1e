import "server-only";
import { logger } from "@/lib/log";
import { sendDrain, senderBoss } from "./enqueue";

/**
 * How long a wake-up waits for others to join it: every delivery a connection receives in
 * this window is covered by one drain job, instead of a job (and its round trips) each.
 */
export const DRAIN_WAKE_DELAY_MS = 200;

export type DrainWaker = {
  /** Asks for a drain of the connection soon; returns at once, never throws. */
  wake(connectionId: string): void;
  /** Sends every waiting wake-up now (tests, and a process about to stop). */
  flush(): Promise<void>;
};

/**
 * Coalesces wake-ups per connection: the first one starts a DRAIN_WAKE_DELAY_MS timer, the
 * ones that follow within it ride along, and the timer sends once. It is called only after
 * the delivery's insert committed, so the drain that send starts sees the delivery. A send
 * that fails or never happens (the process died) leaves the delivery pending for the
 * sweeper, which wakes the drain of deliveries waiting longer than SWEEP_AFTER_MS.
 */
export function createDrainWaker(
  send: (connectionId: string) => Promise<unknown>,
  delayMs = DRAIN_WAKE_DELAY_MS,
): DrainWaker {
  const waiting = new Map<string, NodeJS.Timeout>();
  const fire = async (connectionId: string) => {
    waiting.delete(connectionId);
    try {
      await send(connectionId);
    } catch (error) {
      logger.warn({ err: error, connectionId }, "could not wake the webhook drain; the sweeper will");
    }
  };
  return {
    wake(connectionId) {
      if (waiting.has(connectionId)) return;
      const timer = setTimeout(() => void fire(connectionId), delayMs);
      // A waiting wake-up must not keep a script or test process alive.
      timer.unref();
      waiting.set(connectionId, timer);
    },
    async flush() {
      const ids = [...waiting.keys()];
      for (const id of ids) clearTimeout(waiting.get(id));
      await Promise.all(ids.map(fire));
    },
  };
}

/** The process's waker: sends through the process's pg-boss, or nothing when none runs (scripts, tests). */
export const drainWaker: DrainWaker = createDrainWaker(async (connectionId) => {
  const boss = await senderBoss();
  if (boss) await sendDrain(boss, connectionId);
});
