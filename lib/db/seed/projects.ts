import {
  CONNECTIONS,
  ENVIRONMENTS,
  type EnvironmentSlug,
  PROJECTS,
  type ProjectSlug,
  type ProjectSpec,
  type SeedProvider,
} from "./catalog";
import { PIPELINES, type PipelineSpec } from "./pipeline-specs";
import type {
  ConnectionRow,
  EnvironmentRow,
  GatePolicyRow,
  PipelineRow,
  PlanContext,
  ProjectRow,
} from "./plan-types";
import { DAY, HOUR, MINUTE } from "./time";

export type ProjectPlan = {
  spec: ProjectSpec;
  row: ProjectRow;
  environments: Record<EnvironmentSlug, EnvironmentRow>;
};

/** The organisation's skeleton: who connects where, and what each project deploys to. */
export type CatalogPlan = {
  connections: ConnectionRow[];
  projects: Record<ProjectSlug, ProjectPlan>;
  environments: EnvironmentRow[];
  gatePolicies: GatePolicyRow[];
  pipelines: { spec: PipelineSpec; row: PipelineRow }[];
};

export function planCatalog(ctx: PlanContext): CatalogPlan {
  const { random, start, now } = ctx;
  const setUpAt = new Date(start - DAY);

  const connectionIds = {} as Record<SeedProvider, string>;
  const connections = CONNECTIONS.map((c): ConnectionRow => {
    const id = random.uuid();
    connectionIds[c.kind] = id;
    return {
      id,
      kind: c.kind,
      name: c.name,
      baseUrl: c.baseUrl,
      // No secrets in demo data: the connections show as "not authenticated" until configured.
      credentialsEncrypted: null,
      webhookSecretEncrypted: null,
      config: c.config,
      lastDeliveryAt: new Date(now - random.int(1, 9) * MINUTE),
      lastSyncAt: new Date(now - random.int(2, 14) * MINUTE),
      createdAt: setUpAt,
      updatedAt: new Date(setUpAt.getTime() + HOUR),
    };
  });

  const projects = {} as Record<ProjectSlug, ProjectPlan>;
  const environments: EnvironmentRow[] = [];
  const gatePolicies: GatePolicyRow[] = [];
  for (const spec of PROJECTS) {
    const row: ProjectRow = {
      id: random.uuid(),
      slug: spec.slug,
      name: spec.name,
      description: spec.description,
      createdAt: setUpAt,
    };
    const envs = {} as Record<EnvironmentSlug, EnvironmentRow>;
    for (const env of ENVIRONMENTS) {
      envs[env.slug] = { id: random.uuid(), projectId: row.id, ...env, createdAt: setUpAt };
      environments.push(envs[env.slug]);
    }
    for (const [slug, gate] of Object.entries(spec.gates)) {
      gatePolicies.push({
        id: random.uuid(),
        environmentId: envs[slug as EnvironmentSlug].id,
        requiredApprovals: gate.requiredApprovals,
        approverRoles: ["approver", "admin"],
        approverUserIds: [],
        allowSelfApproval: false,
        rejectionEndsRequest: true,
        checks: gate.checks,
        waitMinutes: 0,
        deployWindow: null,
        expiryHours: 72,
        createdAt: setUpAt,
        updatedAt: new Date(setUpAt.getTime() + 2 * HOUR),
      });
    }
    projects[spec.slug] = { spec, row, environments: envs };
  }

  const pipelines = PIPELINES.map((spec) => ({
    spec,
    row: {
      id: random.uuid(),
      projectId: projects[spec.project].row.id,
      connectionId: connectionIds[spec.provider],
      provider: spec.provider,
      externalId: spec.externalId,
      name: spec.name,
      kind: spec.kind,
      repository: spec.repository,
      url: spec.url,
      createdAt: setUpAt,
    } satisfies PipelineRow,
  }));

  return { connections, projects, environments, gatePolicies, pipelines };
}
