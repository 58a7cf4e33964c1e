import { gitlabWebhook as provider } from "@/lib/providers/gitlab/webhook";
import { receiveDelivery } from "@/lib/webhooks/receive-delivery";

export const dynamic = "force-dynamic";

/**
 * GitLab webhooks, verified by X-Gitlab-Token: Pipeline, Job and Deployment hooks.
 * Stored before the 2xx, normalized by the connection's webhooks-drain job; statuses per case are
 * documented on receiveDelivery (lib/webhooks/receive-delivery.ts).
 */
export async function POST(request: Request, context: { params: Promise<{ connectionId: string }> }) {
  const { connectionId } = await context.params;
  return receiveDelivery(request, provider, connectionId);
}
