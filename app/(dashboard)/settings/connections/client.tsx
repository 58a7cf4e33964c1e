"use client";

import { PlugZap } from "lucide-react";
import Link from "next/link";
import { ConnectionEnabledBadge, ConnectionKindBadge } from "@/components/connections/connection-badges";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { isCiConnectionKind, kindLabel } from "@/lib/connections/kinds";
import type { ConnectionSummary } from "@/lib/connections/summary";
import type { Jsonify } from "@/lib/queries/fetch-json";
import { formatDateTime } from "@/lib/utils/format";
import { NewConnectionDialog } from "./_components/new-connection-dialog";
import type { ProjectOption } from "./_components/repository-mapping-fields";

export type ConnectionsClientProps = {
  connections: Jsonify<ConnectionSummary>[];
  projects: ProjectOption[];
  canWrite: boolean;
};

/**
 * Every provider connection with its health at a glance; "Add connection" for admins. CI
 * connections show their repositories and last webhook delivery; MLflow and Prometheus,
 * which Tandem polls, their last successful sync.
 */
export function ConnectionsClient({ connections, projects, canWrite }: ConnectionsClientProps) {
  return (
    <section aria-labelledby="connections-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h2 id="connections-heading" className="font-semibold text-lg">
            Connections
          </h2>
          <p className="text-muted-foreground text-sm">
            CI providers whose runs and deployments Tandem gathers by webhook and by sync; MLflow registries
            and Prometheus servers it imports from on a schedule.
          </p>
        </div>
        {canWrite ? <NewConnectionDialog projects={projects} /> : null}
      </div>
      {connections.length === 0 ? (
        <EmptyState
          icon={PlugZap}
          title="No connections yet"
          description="Add GitHub, GitLab, Azure DevOps, MLflow or Prometheus; or report runs from any CI with PUT /api/v1/runs."
        />
      ) : (
        <div className="rounded-lg border">
          <Table caption="Provider connections by name">
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Provider</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Repositories</TableHead>
                <TableHead>Last delivery or sync</TableHead>
                <TableHead>Last error</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {connections.map((connection) => (
                <TableRow key={connection.id} data-testid={`connection-row-${connection.name}`}>
                  <TableCell className="font-medium">
                    <Link
                      href={`/settings/connections/${connection.id}`}
                      className="underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-ring"
                    >
                      {connection.name}
                    </Link>
                    <div className="max-w-64 truncate text-muted-foreground text-xs">
                      {connection.baseUrl}
                    </div>
                  </TableCell>
                  <TableCell>
                    <ConnectionKindBadge label={kindLabel(connection.kind)} />
                  </TableCell>
                  <TableCell>
                    <ConnectionEnabledBadge enabled={connection.enabled} />
                  </TableCell>
                  <TableCell>
                    {connection.config && "repositories" in connection.config ? (
                      connection.config.repositories.length
                    ) : (
                      <span className="text-muted-foreground">Not applicable</span>
                    )}
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-muted-foreground">
                    {lastActivity(connection)}
                  </TableCell>
                  <TableCell
                    className="max-w-xs truncate text-destructive"
                    title={connection.lastError ?? undefined}
                  >
                    {connection.lastError ?? <span className="text-muted-foreground">None</span>}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

function lastActivity(connection: Jsonify<ConnectionSummary>): string {
  const at = isCiConnectionKind(connection.kind) ? connection.lastDeliveryAt : connection.lastSyncAt;
  return at ? formatDateTime(at) : "Never";
}
