import "server-only";
import type { ProviderConnectionConfig } from "@/lib/connections/load-connection-for-webhook";
import type { Transaction } from "@/lib/db/client";
import { settleRunDeployments } from "@/lib/deployments/apply-deployment-event";
import { openExternalGate } from "@/lib/gates/open-external-gate";
import { resolveProject } from "@/lib/providers/shared/resolve-project";
import type { CiProvider, WebhookEffect } from "@/lib/providers/shared/types";
import { applyDeployment } from "./apply-deployment";
import { applyJobs, applyRun } from "./apply-run";
import { lockProviderObject } from "./lock";

export type ApplyResult = { outcome: "processed" | "ignored"; note: string | null };

export type EffectConnection = { id: string; kind: CiProvider; config: ProviderConnectionConfig };

/**
 * Stores what a delivery means inside the caller's transaction: finds the Tandem project
 * through the connection's repository mapping, then the run, jobs or deployment.
 */
export async function applyEffect(
  tx: Transaction,
  connection: EffectConnection,
  effect: WebhookEffect,
): Promise<ApplyResult> {
  if (effect.kind === "ignore") return { outcome: "ignored", note: effect.reason };
  const project = resolveProject(connection.config, effect.repositories);
  if (project.projectId === null) return { outcome: "ignored", note: project.reason };
  const scope = { tx, projectId: project.projectId, connectionId: connection.id, provider: connection.kind };
  switch (effect.kind) {
    case "run": {
      const { applied } = await applyRun(scope, effect);
      // A finished run Tandem started to deploy finishes that deployment (and its request).
      if (applied) {
        const run = effect.draft.run;
        await settleRunDeployments(tx, {
          ...scope,
          runExternalId: run.externalId,
          status: run.status,
          finishedAt: run.finishedAt,
        });
      }
      return { outcome: "processed", note: applied ? null : "older than the stored run; nothing changed" };
    }
    case "jobs":
      await applyJobs(scope, effect);
      return { outcome: "processed", note: null };
    case "deployment":
      return applyDeployment(scope, effect.draft);
    case "gate":
      await lockProviderObject(tx, `${connection.id}:gate:${effect.draft.key}`);
      return openExternalGate(tx, {
        projectId: project.projectId,
        connectionId: connection.id,
        draft: effect.draft,
      });
  }
}
