type ActivityLike = { action: string; data: Record<string, unknown> };

function text(value: unknown): string | null {
  return typeof value === "string" && value.length > 0
    ? value
    : typeof value === "number"
      ? String(value)
      : null;
}

const to = (environment: string | null) => (environment ? ` to ${environment}` : "");

/**
 * A short sentence for an audit event, to follow the actor's name in the activity feed
 * ("deployed v1.4.2 to production"). Unknown actions read as their name.
 */
export function activitySentence({ action, data }: ActivityLike): string {
  const environment = text(data.environment);
  const subject = text(data.subject);
  switch (action) {
    case "deployment.create":
      return `deployed ${subject ?? "a release"}${to(environment)}`;
    case "deployment.rollback":
      return `rolled back ${environment ?? "an environment"}${subject ? ` to ${subject}` : ""}`;
    case "promotion.request":
      return `asked for a promotion${to(environment)}`;
    case "promotion.approve":
      return `approved a promotion${to(environment)}`;
    case "promotion.reject":
      return `rejected a promotion${to(environment)}`;
    case "promotion.cancel":
      return `cancelled a promotion${to(environment)}`;
    case "promotion.deploy":
      return `promoted ${subject ?? "a release"}${to(environment)}`;
    case "promotion.expire":
      return `expired a promotion${to(environment)} that nobody decided`;
    case "alias.move": {
      const model = text(data.model) ?? "a model";
      const alias = text(data.alias) ?? "an alias";
      const version = text(data.toVersion);
      return version ? `moved ${model}@${alias} to v${version}` : `removed ${model}@${alias}`;
    }
    case "model.create":
      return `registered the model ${text(data.name) ?? text(data.model) ?? ""}`.trimEnd();
    case "model_version.register":
      return `registered ${text(data.model) ?? "a model"}${text(data.version) ? ` v${text(data.version)}` : " version"}`;
    case "model_version.history_append":
      return "added metric history";
    case "run.report":
      return "reported a run through the API";
    case "release.create":
      return `recorded the release ${text(data.version) ?? ""}`.trimEnd();
    case "connection.create":
      return `connected ${text(data.name) ?? text(data.kind) ?? "a provider"}`;
    case "user.create":
      return `added ${text(data.email) ?? "a user"}${text(data.role) ? ` as ${text(data.role)}` : ""}`;
    case "user.update":
      return "changed a user's access";
    case "token.create":
      return "created an API token";
    case "token.revoke":
      return "revoked an API token";
    default:
      return action;
  }
}
