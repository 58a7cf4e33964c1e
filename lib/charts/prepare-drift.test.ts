import { describe, expect, it } from "vitest";
import { prepareDriftTable } from "./prepare-drift";

const at = (day: number) => new Date(Date.UTC(2026, 2, day)).toISOString();

describe("prepareDriftTable", () => {
  it("takes the latest scored window, grades it by the worst score, and sorts worst first", () => {
    const rows = prepareDriftTable([
      {
        feature: "amount",
        reports: [
          { windowEnd: at(2), psi: 0.05, ks: 0.04, jsDistance: 0.03 },
          { windowEnd: at(3), psi: null, ks: null, jsDistance: null }, // failed: skipped for "latest"
          { windowEnd: at(1), psi: 0.3, ks: 0.2, jsDistance: 0.2 },
        ],
      },
      { feature: "age", reports: [{ windowEnd: at(2), psi: 0.12, ks: 0.05, jsDistance: 0.05 }] },
      { feature: "country", reports: [{ windowEnd: at(2), psi: 0.02, ks: null, jsDistance: 0.25 }] },
      { feature: "zip", reports: [] },
    ]);
    expect(rows.map((r) => [r.feature, r.level])).toEqual([
      ["country", "drift"],
      ["age", "watch"],
      ["amount", "ok"],
      ["zip", "no data"],
    ]);
    const amount = rows[2]!;
    expect(amount.latest).toEqual({ at: Date.parse(at(2)), psi: 0.05, ks: 0.04, jsDistance: 0.03 });
    // Oldest first; the failed window is a gap (null), not a zero.
    expect(amount.sparkline).toEqual([
      { version: 1, value: 0.3 },
      { version: 2, value: 0.05 },
      { version: 3, value: null },
    ]);
    expect(amount.summary).toBe("amount: ok, PSI 0.05, KS 0.04, JS 0.03 over 3 windows");
    expect(rows[3]!.summary).toBe("zip: no drift scores yet");
  });
});
