import { describe, expect, it } from "vitest";
import { slugify } from "./slugify";

describe("slugify", () => {
  it.each([
    ["Nightly Build (main)", "nightly-build-main"],
    ["  Déploiement — prod ", "deploiement-prod"],
    ["train/resnet_50", "train-resnet-50"],
    ["!!!", ""],
  ])("%s → %s", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it("never ends with a dash after truncation", () => {
    expect(slugify("abc def", 4)).toBe("abc");
  });
});
