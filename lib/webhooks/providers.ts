import { azureDevopsWebhook } from "@/lib/providers/azure-devops/webhook";
import { githubWebhook } from "@/lib/providers/github/webhook";
import { gitlabWebhook } from "@/lib/providers/gitlab/webhook";
import type { CiProvider } from "@/lib/providers/shared/types";
import type { WebhookProvider } from "@/lib/providers/shared/webhook-provider";

/** The webhook side of each CI connection kind. */
export const WEBHOOK_PROVIDERS: Record<CiProvider, WebhookProvider> = {
  github: githubWebhook,
  gitlab: gitlabWebhook,
  azure_devops: azureDevopsWebhook,
};

export function webhookProviderFor(kind: string): WebhookProvider | null {
  return Object.hasOwn(WEBHOOK_PROVIDERS, kind) ? WEBHOOK_PROVIDERS[kind as CiProvider] : null;
}
