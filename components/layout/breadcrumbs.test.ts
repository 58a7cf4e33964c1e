import { describe, expect, it } from "vitest";
import { crumbsFromPathname } from "./breadcrumbs";

describe("crumbsFromPathname", () => {
  const id = "ce5eff29-614d-4e62-9468-0feb57e9b071";

  it("shows an id's short prefix until a page names it", () => {
    expect(crumbsFromPathname(`/models/${id}/versions/8`)).toEqual([
      { href: "/models", label: "Models" },
      { href: `/models/${id}`, label: "ce5eff29" },
      { href: `/models/${id}/versions`, label: "Versions" },
      { href: `/models/${id}/versions/8`, label: "8" },
    ]);
  });

  it("uses the names pages give their segments", () => {
    expect(crumbsFromPathname(`/models/${id}/compare`, { [id]: "ranker" }).map((c) => c.label)).toEqual([
      "Models",
      "ranker",
      "Compare",
    ]);
  });
});
