import { describe, expect, it } from "vitest";
import { hexSha, parseProviderTime, shortRef, webUrl } from "./payload";

describe("parseProviderTime", () => {
  it.each([
    ["2016-08-12 15:23:28 UTC", "2016-08-12T15:23:28.000Z"],
    ["2021-04-28 21:50:00 +0200", "2021-04-28T19:50:00.000Z"],
    ["2021-02-23T02:41:37.886Z", "2021-02-23T02:41:37.886Z"],
    ["2024-11-21T16:42:52.7761408Z", "2024-11-21T16:42:52.776Z"],
    ["2020-10-05T16:33:49Z", "2020-10-05T16:33:49.000Z"],
  ])("%s → %s", (input, iso) => {
    expect(parseProviderTime(input)?.toISOString()).toBe(iso);
  });

  it("treats missing, empty, garbage and Azure's year-1 placeholder as no time", () => {
    for (const value of [null, undefined, "", "soon", "0001-01-01T00:00:00"]) {
      expect(parseProviderTime(value)).toBeNull();
    }
  });
});

describe("payload helpers", () => {
  it("keeps hex shas (lower-cased) and drops anything else", () => {
    expect(hexSha("ABCDEF1234567")).toBe("abcdef1234567");
    expect(hexSha("a6a6a6a6-bbbb-cccc-dddd-e7e7e7e7e7e7")).toBeNull();
    expect(hexSha("C123")).toBeNull();
  });

  it("keeps http(s) URLs only", () => {
    expect(webUrl("https://github.com/a/b")).toBe("https://github.com/a/b");
    expect(webUrl("")).toBeNull();
    expect(webUrl("javascript:alert(1)")).toBeNull();
    expect(webUrl("/relative")).toBeNull();
  });

  it("shortens git refs", () => {
    expect(shortRef("refs/heads/main")).toBe("main");
    expect(shortRef("refs/tags/v1.2.0")).toBe("v1.2.0");
    expect(shortRef("refs/pull/1/merge")).toBe("refs/pull/1/merge");
  });
});
