import "server-only";
import { asc, eq, inArray, isNull } from "drizzle-orm";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { environments, gatePolicies, projects, users } from "@/lib/db/schema";
import type { Role } from "@/lib/db/schema/enums";
import type { DeployTarget } from "@/lib/db/schema/projects";
import { withinActorScope } from "@/lib/projects/within-actor-scope";
import type { GatePolicyRow } from "./load-promotion";

export type EnvironmentPolicy = {
  environmentId: string;
  slug: string;
  name: string;
  position: number;
  isProduction: boolean;
  /** Where an approved promotion is deployed at a provider; null: recorded in Tandem only. */
  deployTarget: DeployTarget | null;
  /** Null: no policy yet, the defaults apply (one approver or admin, no self-approval). */
  policy: Omit<GatePolicyRow, "id" | "environmentId" | "createdAt"> | null;
};
export type ProjectPolicies = { id: string; slug: string; name: string; environments: EnvironmentPolicy[] };
export type PolicyPeople = { id: string; name: string; email: string; role: Role }[];

/** Every project's environments in promotion order with their gate policy, and who could be named approver. */
export async function listEnvironmentPolicies(
  ctx: ServiceContext,
): Promise<{ projects: ProjectPolicies[]; people: PolicyPeople }> {
  assertCan(ctx.actor, "gates:write");
  const scope = withinActorScope(ctx.actor, null);
  const rows = await ctx.db
    .select({ env: environments, project: projects, policy: gatePolicies })
    .from(environments)
    .innerJoin(projects, eq(projects.id, environments.projectId))
    .leftJoin(gatePolicies, eq(gatePolicies.environmentId, environments.id))
    .where(scope ? inArray(environments.projectId, scope) : undefined)
    .orderBy(asc(projects.name), asc(environments.position));
  const byProject = new Map<string, ProjectPolicies>();
  for (const { env, project, policy } of rows) {
    const entry = byProject.get(project.id) ?? {
      id: project.id,
      slug: project.slug,
      name: project.name,
      environments: [],
    };
    let kept: EnvironmentPolicy["policy"] = null;
    if (policy) {
      const { id: _id, environmentId: _e, createdAt: _c, ...rest } = policy;
      kept = rest;
    }
    entry.environments.push({
      environmentId: env.id,
      slug: env.slug,
      name: env.name,
      position: env.position,
      isProduction: env.isProduction,
      deployTarget: env.deployTarget ?? null,
      policy: kept,
    });
    byProject.set(project.id, entry);
  }
  const people = await ctx.db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(isNull(users.disabledAt))
    .orderBy(asc(users.name))
    .limit(1000);
  return { projects: [...byProject.values()], people };
}
