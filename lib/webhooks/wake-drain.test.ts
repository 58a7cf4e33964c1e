import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDrainWaker } from "./wake-drain";

describe("createDrainWaker", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("sends once per connection for every wake-up within the delay, after the delay", async () => {
    const sent: string[] = [];
    const waker = createDrainWaker(async (id) => void sent.push(id), 200);
    for (let n = 0; n < 50; n++) waker.wake("a");
    waker.wake("b");
    await vi.advanceTimersByTimeAsync(199);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent.sort()).toEqual(["a", "b"]);
    // A wake-up after the send starts a new window: a delivery stored now needs a new drain.
    waker.wake("a");
    await vi.advanceTimersByTimeAsync(200);
    expect(sent.sort()).toEqual(["a", "a", "b"]);
  });

  it("flushes waiting wake-ups at once, and only once", async () => {
    const sent: string[] = [];
    const waker = createDrainWaker(async (id) => void sent.push(id), 200);
    waker.wake("a");
    await waker.flush();
    expect(sent).toEqual(["a"]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toEqual(["a"]);
  });

  it("survives a failed send and wakes again next time", async () => {
    let fail = true;
    const sent: string[] = [];
    const waker = createDrainWaker(async (id) => {
      if (fail) throw new Error("queue down");
      sent.push(id);
    }, 200);
    waker.wake("a");
    await vi.advanceTimersByTimeAsync(200);
    fail = false;
    waker.wake("a");
    await vi.advanceTimersByTimeAsync(200);
    expect(sent).toEqual(["a"]);
  });
});
