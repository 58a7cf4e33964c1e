/** What a promotion-related audit event says, after the actor's name, on a request's timeline. */
export function timelineSentence(action: string, data: Record<string, unknown>): string {
  const text = (key: string) =>
    typeof data[key] === "string" || typeof data[key] === "number" ? String(data[key]) : null;
  const comment = text("comment");
  const said = comment ? `: “${comment}”` : "";
  switch (action) {
    case "promotion.request":
      if (data.rollbackOfDeploymentId)
        return `asked to roll back to ${text("rollbackTo") ?? "the previous version"}`;
      return `asked for this promotion${data.emergency ? " as an emergency" : ""}${data.skippedOrder ? ", skipping the environment order" : ""}`;
    case "promotion.comment":
      return `commented${said}`;
    case "promotion.approve":
      return `approved${said}`;
    case "promotion.reject":
      return `rejected${said}${data.ended === false ? " (the request stays open)" : ""}`;
    case "promotion.cancel":
      return `cancelled the request${said}`;
    case "promotion.expire":
      return "expired the request: nobody decided in time";
    case "promotion.deploy": {
      const bypassed = Array.isArray(data.bypassedChecks) && data.bypassedChecks.length > 0;
      return `completed the approvals; ${text("subject") ?? "it"} was deployed to ${text("environment") ?? "the environment"}${bypassed ? ` skipping ${(data.bypassedChecks as string[]).join(", ")} (emergency)` : ""}`;
    }
    case "deployment.create":
      return `recorded the deployment of ${text("subject") ?? "the subject"} to ${text("environment") ?? "the environment"}`;
    case "alias.move": {
      const from = text("fromVersion");
      return `moved ${text("model") ?? "the model"}@${text("alias") ?? "alias"} to v${text("toVersion") ?? "?"}${from ? ` (from v${from})` : ""}`;
    }
    default:
      return action;
  }
}
