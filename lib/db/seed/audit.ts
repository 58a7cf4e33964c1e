import { type DeploymentPlan, subjectLabel } from "./deployments";
import type { ModelPlan } from "./models";
import type { AuditEventRow, ModelAliasEventRow } from "./plan-types";
import type { CatalogPlan } from "./projects";
import type { PromotionPlan } from "./promotions";
import { MINUTE, SECOND } from "./time";
import type { DemoUsers, UserRow } from "./users";

type AuditSources = {
  users: UserRow[];
  cast: DemoUsers;
  catalog: CatalogPlan;
  deployments: DeploymentPlan[];
  promotions: PromotionPlan;
  models: ModelPlan[];
  aliasEvents: ModelAliasEventRow[];
};

/**
 * The audit trail of what people (and Tandem itself) did in the demo's history, in the
 * same shapes the service verbs write, sorted by time so ids follow the clock.
 */
export function planAudit(sources: AuditSources): AuditEventRow[] {
  const { cast, catalog } = sources;
  const admin = { actorUserId: cast.admin.id, actorLabel: cast.admin.email };
  const system = { actorUserId: null, actorLabel: "system" };
  const emailOf = new Map(cast.all.map((u) => [u.id, u.email]));
  const environmentSlug = new Map(catalog.environments.map((e) => [e.id, e.slug]));
  const events: AuditEventRow[] = [];

  for (const user of sources.users) {
    events.push({
      ...system,
      action: "user.create",
      targetType: "user",
      targetId: user.id,
      data: { email: user.email, role: user.role },
      createdAt: user.createdAt,
    });
  }
  for (const connection of catalog.connections) {
    const createdAt = connection.createdAt!;
    events.push({
      ...admin,
      action: "connection.create",
      targetType: "connection",
      targetId: connection.id,
      data: { kind: connection.kind, name: connection.name },
      createdAt,
    });
  }
  for (const { row } of Object.values(catalog.projects)) {
    const createdAt = new Date(row.createdAt!.getTime() + 10 * MINUTE);
    events.push({
      ...admin,
      action: "project.create",
      targetType: "project",
      targetId: row.id,
      projectId: row.id,
      data: { slug: row.slug },
      createdAt,
    });
  }
  for (const policy of catalog.gatePolicies) {
    const environment = catalog.environments.find((e) => e.id === policy.environmentId)!;
    const data = { environment: environment.slug, requiredApprovals: policy.requiredApprovals };
    events.push({
      ...admin,
      action: "gate_policy.update",
      targetType: "gate_policy",
      targetId: policy.id,
      projectId: environment.projectId,
      data,
      createdAt: policy.updatedAt,
    });
  }

  for (const request of sources.promotions.requests) {
    const actor = {
      actorUserId: request.requestedByUserId,
      actorLabel: emailOf.get(request.requestedByUserId)!,
    };
    const base = { targetType: "promotion_request", targetId: request.id, projectId: request.projectId };
    const data = {
      environment: environmentSlug.get(request.environmentId),
      releaseId: request.releaseId,
      modelVersionId: request.modelVersionId,
    };
    events.push({
      ...actor,
      ...base,
      action: "promotion.request",
      data: { ...data, reason: request.reason },
      createdAt: request.createdAt,
    });
    if (request.status === "cancelled")
      events.push({
        ...actor,
        ...base,
        action: "promotion.cancel",
        data,
        createdAt: request.decidedAt ?? undefined,
      });
    if (request.status === "expired")
      events.push({
        ...system,
        ...base,
        action: "promotion.expire",
        data,
        createdAt: request.decidedAt ?? undefined,
      });
  }
  const requestsById = new Map(sources.promotions.requests.map((r) => [r.id, r]));
  for (const approval of sources.promotions.approvals) {
    const request = requestsById.get(approval.requestId)!;
    events.push({
      actorUserId: approval.userId,
      actorLabel: emailOf.get(approval.userId)!,
      action: approval.decision === "approve" ? "promotion.approve" : "promotion.reject",
      targetType: "promotion_request",
      targetId: request.id,
      projectId: request.projectId,
      data: { comment: approval.comment, environment: environmentSlug.get(request.environmentId) },
      createdAt: approval.createdAt,
    });
  }

  for (const deployment of sources.deployments) {
    const by = deployment.requestedBy;
    if (!by) continue;
    const { row } = deployment;
    events.push({
      actorUserId: by.id,
      actorLabel: by.email,
      action: row.isRollback ? "deployment.rollback" : "deployment.create",
      targetType: "deployment",
      targetId: row.id,
      projectId: row.projectId,
      data: {
        environment: deployment.environment,
        subject: subjectLabel(deployment.subject),
        status: row.status,
        promotionRequestId: row.promotionRequestId ?? null,
      },
      createdAt: new Date(row.createdAt!.getTime() + SECOND),
    });
  }

  const modelById = new Map(sources.models.map((m) => [m.row.id, m]));
  const versionNumber = new Map(
    sources.models.flatMap((m) => m.versions.map((v) => [v.row.id, v.row.version] as const)),
  );
  for (const move of sources.aliasEvents) {
    const model = modelById.get(move.modelId)!;
    const userId = cast.all.find((u) => u.email === move.actor)?.id ?? null;
    events.push({
      actorUserId: userId,
      actorLabel: move.actor ?? "system",
      action: "alias.move",
      targetType: "model",
      targetId: move.modelId,
      projectId: model.projectId,
      data: {
        model: model.spec.name,
        alias: move.alias,
        fromVersion: move.fromVersionId ? versionNumber.get(move.fromVersionId) : null,
        toVersion: move.toVersionId ? versionNumber.get(move.toVersionId) : null,
      },
      createdAt: move.createdAt,
    });
  }
  return events.sort((a, b) => a.createdAt!.getTime() - b.createdAt!.getTime());
}
