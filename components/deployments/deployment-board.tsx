"use client";

import { AlertTriangle, BellRing, Undo2 } from "lucide-react";
import Link from "next/link";
import {
  type RequestPromotionActionFn,
  RequestPromotionDialog,
} from "@/components/gates/request-promotion-dialog";
import { type RequestRollbackActionFn, RollbackDialog } from "@/components/gates/rollback-dialog";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type {
  BoardCellDto,
  BoardDeploymentDto,
  BoardProjectDto,
  DeploymentBoardDto,
} from "@/lib/queries/deployment-board";
import { formatDateTime, formatRelativeTime } from "@/lib/utils/format";
import { DeploymentStatusBadge } from "./deployment-status-badge";

export type BoardActions = {
  canRequest: boolean;
  canDeclareEmergency: boolean;
  requestPromotion: RequestPromotionActionFn;
  requestRollback: RequestRollbackActionFn;
};

const sameSubject = (a: BoardDeploymentDto, b: BoardDeploymentDto) =>
  a.modelVersionId ? a.modelVersionId === b.modelVersionId : a.releaseId === b.releaseId && !b.modelVersionId;

/** The environments in order, marking where this thing runs; the next one after the furthest. */
function targetsFor(project: BoardProjectDto, thing: BoardDeploymentDto) {
  const environments = project.environments.map((cell) => ({
    id: cell.environmentId,
    name: cell.name,
    runsHere: cell.running.some((r) => sameSubject(thing, r)),
  }));
  const furthest = environments.findLastIndex((e) => e.runsHere);
  return { environments, next: environments[furthest + 1]?.id ?? null };
}

function Running(props: {
  project: BoardProjectDto;
  cell: BoardCellDto;
  thing: BoardDeploymentDto;
  actions: BoardActions | null;
}) {
  const { project, cell, thing, actions } = props;
  const targets = targetsFor(project, thing);
  return (
    <li className="flex flex-col gap-1 rounded-md border p-2" data-testid="board-running">
      <div className="flex items-center gap-1 font-medium font-mono text-sm">
        {thing.modelVersionId ? (
          thing.label
        ) : (
          <Link href={`/releases/${thing.releaseId}`} className="hover:underline">
            {thing.label}
          </Link>
        )}
        {thing.isRollback ? (
          <span className="inline-flex items-center gap-0.5 font-sans text-warning text-xs">
            <Undo2 aria-hidden="true" className="size-3" />
            rollback
          </span>
        ) : null}
      </div>
      <div className="text-muted-foreground text-xs">
        <time dateTime={thing.startedAt} title={formatDateTime(thing.startedAt)} suppressHydrationWarning>
          {formatRelativeTime(thing.startedAt)}
        </time>
        {thing.actor ? ` · ${thing.actor}` : ""}
      </div>
      {actions?.canRequest ? (
        <div className="flex flex-wrap gap-1">
          {cell.next ? (
            <RequestPromotionDialog
              subject={
                thing.modelVersionId
                  ? { modelVersionId: thing.modelVersionId }
                  : { releaseId: thing.releaseId! }
              }
              projectId={project.id}
              subjectLabel={thing.label}
              environments={targets.environments}
              defaultEnvironmentId={targets.next}
              canDeclareEmergency={actions.canDeclareEmergency}
              action={actions.requestPromotion}
            />
          ) : null}
          <RollbackDialog
            deploymentId={thing.deploymentId}
            label={thing.label}
            environmentName={cell.name}
            canDeclareEmergency={actions.canDeclareEmergency}
            action={actions.requestRollback}
          />
        </div>
      ) : null}
    </li>
  );
}

function Column(props: { project: BoardProjectDto; cell: BoardCellDto; actions: BoardActions | null }) {
  const { cell } = props;
  const last = cell.lastDeployment;
  const lastIsRunning = last && cell.running.some((r) => r.deploymentId === last.deploymentId);
  return (
    <section
      aria-label={`${props.project.name} ${cell.name}`}
      className="flex min-w-56 flex-1 flex-col gap-2 rounded-lg bg-muted/40 p-3"
      data-testid={`board-env-${cell.slug}`}
    >
      <header className="flex items-center justify-between gap-2">
        <h3 className="font-semibold text-sm">{cell.name}</h3>
        {cell.firingAlerts > 0 ? (
          <Link
            href={`/monitoring?project=${props.project.slug}`}
            className="inline-flex items-center gap-1 text-destructive text-xs hover:underline"
          >
            <BellRing aria-hidden="true" className="size-3" />
            {cell.firingAlerts} firing
          </Link>
        ) : (
          <span className="text-success text-xs">No alerts</span>
        )}
      </header>
      {cell.running.length === 0 ? (
        <p className="text-muted-foreground text-sm">Nothing deployed</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {cell.running.map((thing) => (
            <Running key={thing.deploymentId} {...props} thing={thing} />
          ))}
        </ul>
      )}
      {last && !lastIsRunning ? (
        <div className="flex items-center gap-1 text-xs">
          {last.status === "failed" ? (
            <AlertTriangle aria-hidden="true" className="size-3 text-destructive" />
          ) : null}
          Last:{" "}
          {last.modelVersionId ? (
            <span className="font-mono">{last.label}</span>
          ) : (
            <Link href={`/releases/${last.releaseId}`} className="font-mono hover:underline">
              {last.label}
            </Link>
          )}
          <DeploymentStatusBadge status={last.status} />
        </div>
      ) : null}
    </section>
  );
}

/** One board per project: environments as columns in promotion order, what runs in each. */
export function DeploymentBoardView({
  board,
  actions,
}: {
  board: DeploymentBoardDto;
  actions: BoardActions | null;
}) {
  if (board.projects.length === 0) {
    return (
      <EmptyState
        title="No environments yet"
        description="Environments appear here once a project defines them."
      />
    );
  }
  // Acting on the past makes no sense: at an instant the board is read-only.
  const live = board.at ? null : actions;
  return (
    <div className="flex flex-col gap-6" data-testid="deployment-board">
      {board.projects.map((project) => (
        <Card key={project.id}>
          <CardHeader>
            <CardTitle>{project.name}</CardTitle>
            <CardDescription>
              {board.at
                ? `What ran in each environment at ${formatDateTime(board.at)}`
                : "What runs in each environment now"}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <div className="flex gap-3 overflow-x-auto">
              {project.environments.map((cell) => (
                <Column key={cell.environmentId} project={project} cell={cell} actions={live} />
              ))}
            </div>
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
