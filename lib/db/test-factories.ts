import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { AppError, type ErrorCode } from "@/lib/api/errors";
import type { Actor } from "@/lib/auth/actor";
import { ROLE_PERMISSIONS } from "@/lib/auth/permissions";
import type { Executor } from "@/lib/db/client";
import type { Page } from "@/lib/db/keyset";
import {
  alertRules,
  alerts,
  approvals,
  auditEvents,
  deployments,
  environments,
  gatePolicies,
  metricSeries,
  modelAliases,
  models,
  modelVersions,
  pipelineRuns,
  pipelines,
  projects,
  promotionRequests,
  releases,
} from "@/lib/db/schema";
import type { Role } from "@/lib/db/schema/enums";

/**
 * Row factories for integration tests: each inserts the smallest valid row, with every
 * column overridable, and returns it. Integration tests only; never imported by the app.
 */

export { actorWithRole, inRollback, insertUser } from "@/lib/users/testing";

const key = () => randomUUID().slice(0, 8);

/** `base + minutes`, so tests can lay rows out on a readable timeline. */
export function minutesAfter(base: Date, minutes: number): Date {
  return new Date(base.getTime() + minutes * 60_000);
}

/** An actor without a users row, for reads that never join on the acting user. */
export function testActor(role: Role, projectIds: readonly string[] | null = null): Actor {
  return {
    userId: randomUUID(),
    email: `${role}@example.test`,
    name: `${role} tester`,
    role,
    via: projectIds ? "token" : "session",
    permissions: ROLE_PERMISSIONS[role],
    projectIds,
  };
}

/** Awaits a promise that must fail with this AppError code. */
export async function expectAppError(promise: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

/** Follows `nextCursor` from the first page to the last and returns every page's items. */
export async function allPages<T>(read: (cursor: string | undefined) => Promise<Page<T>>, maxPages = 50) {
  const pages: T[][] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    pages.push(page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < maxPages);
  return pages;
}

type Insert<T extends { $inferInsert: unknown }> = Partial<T["$inferInsert"]>;

export async function insertProject(db: Executor, input: Insert<typeof projects> = {}) {
  const slug = input.slug ?? `project-${key()}`;
  const [row] = await db
    .insert(projects)
    .values({ name: slug, ...input, slug })
    .returning();
  return row!;
}

export async function insertEnvironment(
  db: Executor,
  projectId: string,
  input: Insert<typeof environments> = {},
) {
  const slug = input.slug ?? `env-${key()}`;
  const [row] = await db
    .insert(environments)
    .values({ name: slug, position: 0, ...input, slug, projectId })
    .returning();
  return row!;
}

export async function insertPipeline(db: Executor, projectId: string, input: Insert<typeof pipelines> = {}) {
  const [row] = await db
    .insert(pipelines)
    .values({ provider: "github", externalId: key(), name: `pipeline ${key()}`, ...input, projectId })
    .returning();
  return row!;
}

export async function insertRun(
  db: Executor,
  pipeline: { id: string; projectId: string },
  input: Insert<typeof pipelineRuns> = {},
) {
  const [row] = await db
    .insert(pipelineRuns)
    .values({
      provider: "github",
      externalId: key(),
      status: "succeeded",
      queuedAt: new Date(),
      ...input,
      pipelineId: pipeline.id,
      projectId: pipeline.projectId,
    })
    .returning();
  return row!;
}

export async function insertRelease(db: Executor, projectId: string, input: Insert<typeof releases> = {}) {
  const [row] = await db
    .insert(releases)
    .values({ version: `1.0.${key()}`, ...input, projectId })
    .returning();
  return row!;
}

export async function insertModel(db: Executor, projectId: string, input: Insert<typeof models> = {}) {
  const [row] = await db
    .insert(models)
    .values({ name: `model-${key()}`, ...input, projectId })
    .returning();
  return row!;
}

export async function insertModelVersion(
  db: Executor,
  modelId: string,
  version: number,
  input: Insert<typeof modelVersions> = {},
) {
  const [row] = await db
    .insert(modelVersions)
    .values({ ...input, modelId, version })
    .returning();
  return row!;
}

export async function setModelAlias(db: Executor, modelId: string, alias: string, versionId: string) {
  await db
    .insert(modelAliases)
    .values({ modelId, alias, versionId })
    .onConflictDoUpdate({ target: [modelAliases.modelId, modelAliases.alias], set: { versionId } });
}

/** A deployment of a release (pass `releaseId`) or a model version (pass `modelVersionId`). */
export async function insertDeployment(
  db: Executor,
  environment: { id: string; projectId: string },
  input: Insert<typeof deployments> & ({ releaseId: string } | { modelVersionId: string }),
) {
  const [row] = await db
    .insert(deployments)
    .values({
      status: "succeeded",
      ...input,
      projectId: environment.projectId,
      environmentId: environment.id,
    })
    .returning();
  return row!;
}

export async function insertGatePolicy(
  db: Executor,
  environmentId: string,
  input: Insert<typeof gatePolicies> = {},
) {
  const [row] = await db
    .insert(gatePolicies)
    .values({ ...input, environmentId })
    .returning();
  return row!;
}

export async function insertPromotionRequest(
  db: Executor,
  environment: { id: string; projectId: string },
  requestedByUserId: string,
  input: Insert<typeof promotionRequests> = {},
) {
  const [row] = await db
    .insert(promotionRequests)
    .values({
      reason: "ship it",
      expiresAt: minutesAfter(new Date(), 72 * 60),
      ...input,
      projectId: environment.projectId,
      environmentId: environment.id,
      requestedByUserId,
    })
    .returning();
  return row!;
}

export async function insertApproval(
  db: Executor,
  requestId: string,
  userId: string,
  input: Insert<typeof approvals> = {},
) {
  const [row] = await db
    .insert(approvals)
    .values({ decision: "approve", ...input, requestId, userId })
    .returning();
  return row!;
}

/** A metric series and an alert rule over it, in one go: rules cannot exist without series. */
export async function insertAlertRule(
  db: Executor,
  projectId: string,
  input: Insert<typeof alertRules> & { unit?: string | null } = {},
) {
  const { unit = null, ...rule } = input;
  const name = `error_rate_${key()}`;
  const [series] = await db
    .insert(metricSeries)
    .values({ key: `${name}{}`, name, kind: "service", unit, projectId })
    .returning();
  const [row] = await db
    .insert(alertRules)
    .values({
      name: `High ${name}`,
      comparator: "gt",
      threshold: 0.05,
      ...rule,
      projectId,
      seriesId: series!.id,
    })
    .returning();
  return row!;
}

export async function insertAlert(
  db: Executor,
  rule: { id: string; projectId: string },
  input: Insert<typeof alerts> = {},
) {
  const [row] = await db
    .insert(alerts)
    .values({ state: "firing", ...input, ruleId: rule.id, projectId: rule.projectId })
    .returning();
  return row!;
}

export async function insertAuditEvent(db: Executor, input: Insert<typeof auditEvents> = {}) {
  const [row] = await db
    .insert(auditEvents)
    .values({ actorLabel: "someone@example.test", action: "test.event", targetType: "test", ...input })
    .returning();
  return row!;
}
