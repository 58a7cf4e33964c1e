import { githubWebhook as provider } from "@/lib/providers/github/webhook";
import { receiveDelivery } from "@/lib/webhooks/receive-delivery";

export const dynamic = "force-dynamic";

/**
 * GitHub webhooks, verified by X-Hub-Signature-256: workflow_run, workflow_job, deployment, deployment_status and ping.
 * Stored before the 2xx, normalized by the connection's webhooks-drain job; statuses per case are
 * documented on receiveDelivery (lib/webhooks/receive-delivery.ts).
 */
export async function POST(request: Request, context: { params: Promise<{ connectionId: string }> }) {
  const { connectionId } = await context.params;
  return receiveDelivery(request, provider, connectionId);
}
