import { describe, expect, it } from "vitest";
import { parseChartWindow, parseCompare, windowBounds } from "./chart-window";

const params = (q: string) => new URLSearchParams(q);

describe("parseChartWindow", () => {
  it("is live over the header's range unless from and to name a fixed window", () => {
    expect(parseChartWindow(params("range=24h"))).toEqual({ kind: "live", rangeKey: "24h", ms: 86_400_000 });
    expect(parseChartWindow(params("range=24h&from=1000&to=61000"))).toEqual({
      kind: "fixed",
      from: 1000,
      to: 61000,
    });
    expect(windowBounds({ kind: "live", rangeKey: "1h", ms: 3_600_000 }, 10_000_000)).toEqual([
      6_400_000, 10_000_000,
    ]);
  });

  it("ignores a window that is reversed, too short or not numbers", () => {
    expect(parseChartWindow(params("from=61000&to=1000")).kind).toBe("live");
    expect(parseChartWindow(params("from=1000&to=2000")).kind).toBe("live");
    expect(parseChartWindow(params("from=yesterday&to=now")).kind).toBe("live");
  });
});

describe("parseCompare", () => {
  it("takes a deployment id and a known window, else 30 minutes", () => {
    const id = "0b6c2b1e-3f4a-4c55-9a0e-1f2d3c4b5a69";
    expect(parseCompare(params(`deployment=${id}&window=60`))).toEqual({ deploymentId: id, windowMin: 60 });
    expect(parseCompare(params("deployment=x&window=7"))).toEqual({ deploymentId: null, windowMin: 30 });
  });
});
