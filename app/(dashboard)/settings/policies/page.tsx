import type { Metadata } from "next";
import { DeployTargetForm } from "@/components/deployments/deploy-target-form";
import { PolicySummary } from "@/components/gates/policy-summary";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageActor } from "@/lib/auth/require";
import { isCiConnectionKind } from "@/lib/connections/kinds";
import { listConnections } from "@/lib/connections/list-connections";
import { getDb } from "@/lib/db";
import { DEFAULT_POLICY } from "@/lib/gates/eligibility";
import { listEnvironmentPolicies } from "@/lib/gates/list-environment-policies";
import { toJson } from "@/lib/queries/fetch-json";
import { SettingsNav } from "../_components/settings-nav";
import { PolicyDialog } from "./_components/policy-dialog";
import { type PolicyFormValues, toFormValues } from "./_components/policy-values";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Gate policies · Settings" };

/** Each project's environments in promotion order, with the gate each one keeps; admins edit them. */
export default async function PoliciesPage() {
  const actor = await requirePageActor("gates:write");
  const ctx = { db: await getDb(), actor };
  const [{ projects, people }, connections] = await Promise.all([
    listEnvironmentPolicies(ctx),
    listConnections(ctx),
  ]);
  const ciConnections = connections
    .filter((c) => isCiConnectionKind(c.kind))
    .map((c) => ({ id: c.id, name: c.name, kind: c.kind }));
  const names = new Map(people.map((p) => [p.id, p.name]));
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3">
        <h1 className="font-semibold text-2xl tracking-tight">Settings</h1>
        <SettingsNav />
      </div>
      {projects.length === 0 ? (
        <EmptyState
          title="No environments yet"
          description="Environments appear here once a project defines them."
        />
      ) : null}
      {projects.map((project) => (
        <Card key={project.id}>
          <CardHeader>
            <CardTitle>{project.name}</CardTitle>
            <CardDescription>
              Environments in promotion order, each with the gate a promotion must pass.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
            {project.environments.map((env) => {
              const values: PolicyFormValues = toFormValues(env.policy);
              const p = env.policy;
              return (
                <div
                  key={env.environmentId}
                  className="flex flex-col gap-2"
                  data-testid={`policy-${project.slug}-${env.slug}`}
                >
                  <PolicySummary
                    environmentName={env.name}
                    subjectKind={null}
                    policy={toJson({
                      isDefault: p === null,
                      requiredApprovals: p?.requiredApprovals ?? DEFAULT_POLICY.requiredApprovals,
                      approverRoles: [...(p?.approverRoles ?? DEFAULT_POLICY.approverRoles)],
                      approverNames: (p?.approverUserIds ?? []).map((id) => names.get(id) ?? "a former user"),
                      allowSelfApproval: p?.allowSelfApproval ?? false,
                      rejectionEndsRequest: p?.rejectionEndsRequest ?? true,
                      checks: p?.checks ?? {
                        metricThresholds: [],
                        noFiringAlerts: false,
                        requireSuccessfulCi: false,
                      },
                      waitMinutes: p?.waitMinutes ?? 0,
                      deployWindow: p?.deployWindow ?? null,
                      expiryHours: p?.expiryHours ?? 72,
                    })}
                  />
                  <PolicyDialog
                    environmentId={env.environmentId}
                    environmentName={env.name}
                    initial={values}
                    people={people}
                  />
                  <details className="rounded-md border px-3 py-2 text-sm">
                    <summary className="cursor-pointer font-medium">
                      {env.deployTarget ? "Deploys through its provider" : "Deploy through a provider"}
                    </summary>
                    <div className="pt-3">
                      <DeployTargetForm
                        environmentId={env.environmentId}
                        environmentName={env.name}
                        target={env.deployTarget}
                        connections={ciConnections}
                      />
                    </div>
                  </details>
                </div>
              );
            })}
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
