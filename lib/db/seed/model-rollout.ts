import type { DeploymentStatus } from "@/lib/db/schema/enums";
import { type DeploymentPlan, deploy } from "./deployments";
import type { ModelPlan, VersionPlan } from "./models";
import type { PipelineSpec } from "./pipeline-specs";
import type { ProjectPlan } from "./projects";
import type { Random } from "./random";
import { pickRequester } from "./service-rollout";
import { DAY, HOUR, MINUTE, nextWorkingTime } from "./time";
import type { DemoUser, DemoUsers } from "./users";

type ModelRollout = {
  random: Random;
  now: number;
  project: ProjectPlan;
  model: ModelPlan;
  /** The project's deploy pipeline, or null when Tandem deploys the model itself. */
  pipeline: { spec: PipelineSpec; id: string } | null;
  users: DemoUsers;
};

/**
 * Each registered version is deployed to development on its own; the ones that reached
 * staging or production got there by hand (production through the gate), in version order.
 */
export function planModelRollout(rollout: ModelRollout): DeploymentPlan[] {
  const { random, now, model } = rollout;
  const deployments: DeploymentPlan[] = [];
  let lastProductionAt = 0;
  const latestStart = now - 12 * MINUTE;
  for (const version of model.versions) {
    if (version.reach === null) continue;
    const registeredAt = version.row.createdAt!.getTime();
    const devAt = registeredAt + random.int(10, 40) * MINUTE;
    // Deploys take a few minutes; one that would still be running now has not happened yet.
    if (devAt > latestStart) continue;
    const devStatus: DeploymentStatus =
      version.reach === "development" && random.chance(0.15) ? "failed" : "succeeded";
    const dev = ship(rollout, version, "development", devAt, devStatus, null);
    deployments.push(dev);
    if (version.reach === "development") continue;

    const devDone = dev.row.finishedAt!.getTime();
    const proposedStaging = nextWorkingTime(registeredAt + random.float(3, 20) * HOUR);
    const stagingAt = Math.max(
      devDone + 10 * MINUTE,
      Math.min(proposedStaging, now - random.int(60, 120) * MINUTE),
    );
    if (stagingAt > latestStart) continue;
    const requester = pickRequester(random, rollout.users);
    const staging = ship(rollout, version, "staging", stagingAt, "succeeded", requester);
    deployments.push(staging);
    if (version.reach !== "production") continue;

    const stagingDone = staging.row.finishedAt!.getTime();
    const proposed = nextWorkingTime(stagingDone + random.float(1, 3) * DAY, 10, 16);
    const latest = now - DAY - random.int(0, 6) * HOUR;
    const productionAt = Math.max(lastProductionAt + HOUR, stagingDone + HOUR, Math.min(proposed, latest));
    const approver = pickRequester(random, rollout.users);
    const production = ship(rollout, version, "production", productionAt, "succeeded", approver);
    production.gated = true;
    deployments.push(production);
    lastProductionAt = productionAt;
  }
  return deployments;
}

function ship(
  rollout: ModelRollout,
  version: VersionPlan,
  environment: "development" | "staging" | "production",
  at: number,
  status: DeploymentStatus,
  requestedBy: DemoUser | null,
): DeploymentPlan {
  const { random, now, project, model, pipeline } = rollout;
  const subject = { kind: "model" as const, model, version };
  const autoActor = version.row.createdBy ?? undefined;
  return deploy(
    random,
    { project, environment, subject, at, status, pipeline, requestedBy, gated: false, autoActor },
    now,
  );
}
