import { describe, expect, it } from "vitest";
import { timelineSentence } from "./timeline-sentence";

describe("timelineSentence", () => {
  it.each([
    ["promotion.request", {}, "asked for this promotion"],
    [
      "promotion.request",
      { emergency: true, skippedOrder: true },
      "asked for this promotion as an emergency, skipping the environment order",
    ],
    ["promotion.approve", { comment: "LGTM" }, "approved: “LGTM”"],
    ["promotion.comment", { comment: "Is the drift report in?" }, "commented: “Is the drift report in?”"],
    [
      "promotion.request",
      { rollbackOfDeploymentId: "d1", rollbackTo: "fraud v1" },
      "asked to roll back to fraud v1",
    ],
    ["promotion.approve", { comment: "" }, "approved"],
    ["promotion.reject", { comment: "no", ended: false }, "rejected: “no” (the request stays open)"],
    [
      "promotion.deploy",
      { subject: "fraud v12", environment: "production", bypassedChecks: [] },
      "completed the approvals; fraud v12 was deployed to production",
    ],
    [
      "promotion.deploy",
      { subject: "v2", environment: "production", bypassedChecks: ["alerts"] },
      "completed the approvals; v2 was deployed to production skipping alerts (emergency)",
    ],
    [
      "alias.move",
      { model: "fraud", alias: "champion", fromVersion: 10, toVersion: 12 },
      "moved fraud@champion to v12 (from v10)",
    ],
    [
      "alias.move",
      { model: "fraud", alias: "production", fromVersion: null, toVersion: 12 },
      "moved fraud@production to v12",
    ],
    ["something.else", {}, "something.else"],
  ])("%s %j", (action, data, sentence) => {
    expect(timelineSentence(action, data)).toBe(sentence);
  });
});
