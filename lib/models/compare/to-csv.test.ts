import { describe, expect, it } from "vitest";
import { type ComparedVersion, compareMetrics, diffRecords } from "./math";
import { comparisonToCsv } from "./to-csv";

describe("comparisonToCsv", () => {
  const versions: ComparedVersion[] = [
    { version: 2, metrics: { acc: 0.8, val_loss: 0.5 }, params: { lr: "0.1" }, tags: { note: 'a "b", c' } },
    { version: 5, metrics: { acc: 0.9 }, params: { lr: "0.2" }, tags: { note: "=cmd()" } },
  ];
  const csv = comparisonToCsv({
    baseline: { version: 2 },
    versions,
    metrics: compareMetrics(versions, 2, { primaryMetric: "acc", primaryMetricDirection: "higher" }),
    params: diffRecords(versions.map((v) => v.params)),
    tags: diffRecords(versions.map((v) => v.tags)),
  });
  const lines = csv.trimEnd().split("\r\n");

  it("has a header with versions, the baseline named, and deltas for the others", () => {
    expect(lines[0]).toBe("kind,key,direction,differs,v2 (baseline),v5,v5 delta,v5 delta %");
  });

  it("writes metric values, deltas and blanks for a missing metric", () => {
    expect(lines[1]).toMatch(/^metric,acc,higher,true,0\.8,0\.9,0\.1,12\.5$/);
    expect(lines[2]).toBe("metric,val_loss,lower,true,0.5,,,");
  });

  it("quotes commas and quotes, and defuses formulas", () => {
    expect(lines[3]).toBe("param,lr,,true,0.1,0.2,,");
    expect(lines[4]).toBe(`tag,note,,true,"a ""b"", c",'=cmd(),,`);
    expect(csv.endsWith("\r\n")).toBe(true);
  });
});
