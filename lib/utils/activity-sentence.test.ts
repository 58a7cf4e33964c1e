import { describe, expect, it } from "vitest";
import { activitySentence } from "./activity-sentence";

describe("activitySentence", () => {
  it.each([
    ["deployment.create", { subject: "v1.4.2", environment: "production" }, "deployed v1.4.2 to production"],
    [
      "deployment.rollback",
      { subject: "v1.4.1", environment: "production" },
      "rolled back production to v1.4.1",
    ],
    ["promotion.approve", { environment: "staging" }, "approved a promotion to staging"],
    ["promotion.request", {}, "asked for a promotion"],
    ["alias.move", { model: "ranker", alias: "champion", toVersion: 7 }, "moved ranker@champion to v7"],
    ["alias.move", { model: "ranker", alias: "challenger", toVersion: null }, "removed ranker@challenger"],
    ["user.create", { email: "a@b.c", role: "viewer" }, "added a@b.c as viewer"],
    ["model_version.register", { model: "ranker", version: 11 }, "registered ranker v11"],
    ["connection.create", { name: "GitHub (acme)" }, "connected GitHub (acme)"],
    ["release.create", { version: "v1.15.0" }, "recorded the release v1.15.0"],
    ["something.new", {}, "something.new"],
  ])("%s %j → %s", (action, data, expected) => {
    expect(activitySentence({ action, data })).toBe(expected);
  });
});
