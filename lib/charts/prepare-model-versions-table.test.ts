import { describe, expect, it } from "vitest";
import {
  DEFAULT_VERSION_SORT,
  metricColumns,
  nextVersionSort,
  parseVersionSort,
  sortVersions,
} from "./prepare-model-versions-table";

const versions = [
  { version: 1, metrics: { auc: 0.8, loss: 0.5 } },
  { version: 2, metrics: { loss: 0.4, f1: 0.7 } },
  { version: 3, metrics: { auc: 0.9, loss: "n/a" } },
  { version: 4, metrics: { auc: 0.9, zeta: 1 } },
];

describe("metricColumns", () => {
  it("puts the primary metric first, then the most logged, ties alphabetical, and caps the count", () => {
    expect(metricColumns(versions, "f1")).toEqual(["f1", "auc", "loss", "zeta"]);
    expect(metricColumns(versions, null)).toEqual(["auc", "loss", "f1", "zeta"]);
    expect(metricColumns(versions, null, 2)).toEqual(["auc", "loss"]);
    // A primary metric nobody logged yet still gets its column.
    expect(metricColumns([], "ndcg")).toEqual(["ndcg"]);
  });
});

describe("sortVersions", () => {
  const order = (sort: { key: string; dir: "asc" | "desc" }) =>
    sortVersions(versions, sort).map((v) => v.version);

  it("sorts by version either way", () => {
    expect(order(DEFAULT_VERSION_SORT)).toEqual([4, 3, 2, 1]);
    expect(order({ key: "version", dir: "asc" })).toEqual([1, 2, 3, 4]);
  });

  it("sorts by a metric with gaps last in both directions and ties newest first", () => {
    expect(order({ key: "auc", dir: "desc" })).toEqual([4, 3, 1, 2]);
    expect(order({ key: "auc", dir: "asc" })).toEqual([1, 4, 3, 2]);
    // Text values are gaps too.
    expect(order({ key: "loss", dir: "asc" })).toEqual([2, 1, 4, 3]);
  });
});

describe("parseVersionSort / nextVersionSort", () => {
  it("accepts known columns only", () => {
    expect(parseVersionSort("auc", "asc", ["auc"])).toEqual({ key: "auc", dir: "asc" });
    expect(parseVersionSort("auc", "sideways", ["auc"])).toEqual({ key: "auc", dir: "desc" });
    expect(parseVersionSort("dropped", "asc", ["auc"])).toEqual(DEFAULT_VERSION_SORT);
    expect(parseVersionSort(null, null, ["auc"])).toEqual(DEFAULT_VERSION_SORT);
  });

  it("flips the direction on the same column and starts descending on another", () => {
    expect(nextVersionSort({ key: "auc", dir: "desc" }, "auc")).toEqual({ key: "auc", dir: "asc" });
    expect(nextVersionSort({ key: "auc", dir: "asc" }, "loss")).toEqual({ key: "loss", dir: "desc" });
  });
});
