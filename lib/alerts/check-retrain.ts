import "server-only";
import { and, eq } from "drizzle-orm";
import { AppError } from "@/lib/api/errors";
import type { Executor } from "@/lib/db/client";
import { connections, environments, type RetrainAction } from "@/lib/db/schema";

const PROVIDER: Record<RetrainAction["kind"], string> = {
  github_workflow_dispatch: "github",
  gitlab_pipeline: "gitlab",
  azure_pipeline_run: "azure_devops",
};

const field = (path: string, message: string) =>
  new AppError("invalid_request", message, { fields: [{ path, message }] });

/** A rule's retrain action must name a connection of the right provider and an environment of the rule's project. */
export async function checkRetrain(
  db: Executor,
  projectId: string,
  retrain: RetrainAction | null,
): Promise<void> {
  if (!retrain) return;
  const [connection] = await db
    .select({ kind: connections.kind, name: connections.name })
    .from(connections)
    .where(eq(connections.id, retrain.connectionId));
  if (!connection) throw field("retrain.connectionId", "No such connection.");
  if (connection.kind !== PROVIDER[retrain.kind]) {
    throw field(
      "retrain.kind",
      `Connection "${connection.name}" is a ${connection.kind} connection; ${retrain.kind} needs ${PROVIDER[retrain.kind]}.`,
    );
  }
  if (retrain.kind !== "gitlab_pipeline" && !retrain.workflow) {
    throw field("retrain.workflow", "Say which workflow (GitHub) or pipeline id (Azure DevOps) to run.");
  }
  if (retrain.autoPromoteEnvironmentId) {
    const [env] = await db
      .select({ id: environments.id })
      .from(environments)
      .where(
        and(eq(environments.id, retrain.autoPromoteEnvironmentId), eq(environments.projectId, projectId)),
      );
    if (!env) throw field("retrain.autoPromoteEnvironmentId", "The rule's project has no such environment.");
  }
}
