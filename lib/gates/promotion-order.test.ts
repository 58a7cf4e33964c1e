import { describe, expect, it } from "vitest";
import { checkPromotionOrder } from "./promotion-order";

const dev = { id: "dev", name: "Development", position: 0 };
const staging = { id: "stg", name: "Staging", position: 1 };
const prod = { id: "prd", name: "Production", position: 2 };
const envs = [prod, dev, staging];

describe("checkPromotionOrder", () => {
  it.each([
    { runsIn: [], target: dev, ok: true },
    { runsIn: ["dev"], target: staging, ok: true },
    { runsIn: ["dev", "stg"], target: prod, ok: true },
    // Rolled back out of staging but still in development: staging is next again.
    { runsIn: ["dev"], target: prod, ok: false },
    { runsIn: [], target: prod, ok: false },
    // Only the furthest environment counts, even if an earlier one runs something else now.
    { runsIn: ["stg"], target: prod, ok: true },
  ])("runs in $runsIn, asks for $target.name → $ok", ({ runsIn, target, ok }) => {
    expect(checkPromotionOrder(envs, new Set(runsIn), target, "v1.2.0").ok).toBe(ok);
  });

  it("explains a skipped environment and a target it already runs in", () => {
    expect(checkPromotionOrder(envs, new Set(["dev"]), prod, "v1.2.0")).toEqual({
      ok: false,
      alreadyThere: false,
      next: staging,
      reason:
        "v1.2.0 runs in Development now, so the next environment is Staging, not Production. Promotions follow the environment order unless an admin declares an emergency.",
    });
    expect(checkPromotionOrder(envs, new Set(["dev", "stg"]), staging, "v1.2.0")).toMatchObject({
      ok: false,
      alreadyThere: true,
      reason: "v1.2.0 already runs in Staging.",
    });
    expect(checkPromotionOrder(envs, new Set([]), staging, "m v3").ok).toBe(false);
  });
});
