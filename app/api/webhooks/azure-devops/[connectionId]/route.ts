import { azureDevopsWebhook as provider } from "@/lib/providers/azure-devops/webhook";
import { receiveDelivery } from "@/lib/webhooks/receive-delivery";

export const dynamic = "force-dynamic";

/**
 * Azure DevOps service hooks, verified by basic auth or X-Tandem-Webhook-Secret: build.complete and the ms.vss-pipelines run, stage and job state changes.
 * Stored before the 2xx, normalized by the connection's webhooks-drain job; statuses per case are
 * documented on receiveDelivery (lib/webhooks/receive-delivery.ts).
 */
export async function POST(request: Request, context: { params: Promise<{ connectionId: string }> }) {
  const { connectionId } = await context.params;
  return receiveDelivery(request, provider, connectionId);
}
