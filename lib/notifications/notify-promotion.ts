import "server-only";
import type { Executor } from "@/lib/db/client";
import type { promotionRequests } from "@/lib/db/schema";
import { enqueueNotification } from "./enqueue-notification";
import type { NotificationEvent } from "./events";

type PromotionEvent = Extract<NotificationEvent, `promotion.${string}`>;
type RequestFields = Pick<typeof promotionRequests.$inferSelect, "id" | "projectId" | "environmentId"> &
  Partial<
    Pick<typeof promotionRequests.$inferSelect, "status" | "releaseId" | "modelVersionId" | "deploymentId">
  >;

/**
 * The one-line hook the gate verbs call in their transaction: queues `event` for a
 * promotion request with the request's ids and status, plus anything in `extra`.
 */
export function notifyPromotion(
  tx: Executor,
  event: PromotionEvent,
  request: RequestFields,
  extra: Record<string, unknown> = {},
): Promise<number[]> {
  return enqueueNotification(tx, event, {
    requestId: request.id,
    projectId: request.projectId,
    environmentId: request.environmentId,
    status: request.status ?? null,
    releaseId: request.releaseId ?? null,
    modelVersionId: request.modelVersionId ?? null,
    deploymentId: request.deploymentId ?? null,
    ...extra,
  });
}
