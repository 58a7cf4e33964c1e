"use client";

import { ArrowUpRight } from "lucide-react";
import { useId } from "react";
import {
  type PromotionTargetOption,
  type RequestPromotionActionFn,
  RequestPromotionDialog,
} from "@/components/gates/request-promotion-dialog";
import { Button } from "@/components/ui/button";

/** What the page may offer: the dialog's inputs when the person may request, or why not. */
export type VersionPromotionOffer =
  | {
      canRequest: true;
      canDeclareEmergency: boolean;
      projectId: string;
      subjectLabel: string;
      environments: PromotionTargetOption[];
      nextEnvironmentId: string | null;
      action: RequestPromotionActionFn;
    }
  | { canRequest: false; reason: string };

/**
 * "Request promotion" for this version, through the same dialog and server action as the
 * deployments board. Roles that may not request see the button disabled, with the reason.
 */
export function VersionPromotion({ versionId, offer }: { versionId: string; offer: VersionPromotionOffer }) {
  const reasonId = useId();
  if (!offer.canRequest) {
    return (
      <div className="flex items-center gap-2">
        <Button size="sm" variant="outline" disabled aria-describedby={reasonId}>
          <ArrowUpRight aria-hidden="true" />
          Request promotion
        </Button>
        <span id={reasonId} className="text-muted-foreground text-xs">
          {offer.reason}
        </span>
      </div>
    );
  }
  return (
    <RequestPromotionDialog
      subject={{ modelVersionId: versionId }}
      projectId={offer.projectId}
      subjectLabel={offer.subjectLabel}
      environments={offer.environments}
      defaultEnvironmentId={offer.nextEnvironmentId}
      canDeclareEmergency={offer.canDeclareEmergency}
      action={offer.action}
    />
  );
}
