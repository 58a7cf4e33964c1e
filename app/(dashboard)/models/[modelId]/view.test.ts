import { describe, expect, it } from "vitest";
import { MODEL_VERSIONS_PAGE } from "@/lib/models/get-model-input";
import { modelViewFromParams } from "./view";

const view = (query: string) => modelViewFromParams(new URLSearchParams(query));

describe("modelViewFromParams", () => {
  it("defaults to newest first, page 1 and the first metric", () => {
    expect(view("")).toEqual({ sort: "version", dir: "desc", offset: 0, metric: null });
  });

  it("reads sort, direction, page and metric", () => {
    expect(view("sort=auc&dir=asc&page=3&metric=loss")).toEqual({
      sort: "auc",
      dir: "asc",
      offset: 2 * MODEL_VERSIONS_PAGE,
      metric: "loss",
    });
  });

  it("falls back instead of failing on anything malformed", () => {
    expect(view(`dir=sideways&page=-2&sort=${"k".repeat(201)}`)).toEqual({
      sort: "version",
      dir: "desc",
      offset: 0,
      metric: null,
    });
    expect(view("page=1.5").offset).toBe(0);
    expect(view("page=abc").offset).toBe(0);
  });
});
