import type { DeploymentPlan } from "./deployments";
import type { ModelPlan } from "./models";
import type { ModelAliasEventRow, ModelAliasRow } from "./plan-types";
import { MINUTE } from "./time";

/**
 * `challenger` follows every newly registered version; `champion` follows every
 * successful production deployment. The alias rows are where the events end up.
 */
export function planAliases(models: ModelPlan[], deployments: DeploymentPlan[]) {
  const aliases: ModelAliasRow[] = [];
  const events: ModelAliasEventRow[] = [];
  for (const model of models) {
    const moves: { alias: string; versionId: string; at: number; actor: string }[] = [];
    for (const version of model.versions) {
      if (version.row.status === "failed") continue;
      const at = version.row.createdAt!.getTime() + MINUTE;
      moves.push({
        alias: "challenger",
        versionId: version.row.id,
        at,
        actor: version.row.createdBy ?? "system",
      });
    }
    for (const deployment of deployments) {
      const subject = deployment.subject;
      if (subject.kind !== "model" || subject.model !== model) continue;
      if (deployment.environment !== "production" || deployment.row.status !== "succeeded") continue;
      const at = deployment.row.finishedAt!.getTime() + MINUTE;
      const actor = deployment.requestedBy?.email ?? "system";
      moves.push({ alias: "champion", versionId: subject.version.row.id, at, actor });
    }
    moves.sort((a, b) => a.at - b.at);
    const holders = new Map<string, { versionId: string; at: number }>();
    for (const move of moves) {
      const previous = holders.get(move.alias);
      if (previous?.versionId === move.versionId) continue;
      events.push({
        modelId: model.row.id,
        alias: move.alias,
        fromVersionId: previous?.versionId ?? null,
        toVersionId: move.versionId,
        actor: move.actor,
        createdAt: new Date(move.at),
      });
      holders.set(move.alias, { versionId: move.versionId, at: move.at });
    }
    for (const [alias, holder] of holders) {
      aliases.push({
        modelId: model.row.id,
        alias,
        versionId: holder.versionId,
        updatedAt: new Date(holder.at),
      });
    }
  }
  events.sort((a, b) => a.createdAt!.getTime() - b.createdAt!.getTime());
  return { aliases, events };
}
