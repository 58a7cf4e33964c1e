"use client";

import {
  type RequestPromotionActionFn,
  RequestPromotionDialog,
} from "@/components/gates/request-promotion-dialog";
import type { ReleaseEnvironmentDto } from "./types";

/**
 * "Request promotion" for a release: the project's environments in order, marking where it
 * runs now, with the one after the furthest preselected. Nothing to offer once it runs in
 * the last environment.
 */
export function ReleasePromote(props: {
  releaseId: string;
  projectId: string;
  version: string;
  environments: ReleaseEnvironmentDto[];
  canDeclareEmergency: boolean;
  action: RequestPromotionActionFn;
}) {
  const targets = props.environments.map((e) => ({ id: e.id, name: e.name, runsHere: e.runsHere }));
  const furthest = targets.findLastIndex((e) => e.runsHere);
  const next = targets[furthest + 1]?.id ?? null;
  if (!next && !props.canDeclareEmergency) return null;
  if (targets.every((e) => e.runsHere)) return null;
  return (
    <RequestPromotionDialog
      subject={{ releaseId: props.releaseId }}
      projectId={props.projectId}
      subjectLabel={props.version}
      environments={targets}
      defaultEnvironmentId={next}
      canDeclareEmergency={props.canDeclareEmergency}
      action={props.action}
    />
  );
}
