"use client";

import { PlugZap } from "lucide-react";
import Link from "next/link";
import { ConnectionEnabledBadge, ConnectionKindBadge } from "@/components/connections/connection-badges";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { kindLabel } from "@/lib/connections/kinds";
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

/** Every provider connection with its health at a glance; "Add connection" for admins. */
export function ConnectionsClient({ connections, projects, canWrite }: ConnectionsClientProps) {
  return (
    <section aria-labelledby="connections-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h2 id="connections-heading" className="font-semibold text-lg">
            Connections
          </h2>
          <p className="text-muted-foreground text-sm">
            CI providers whose runs and deployments Tandem gathers, by webhook and by sync.
          </p>
        </div>
        {canWrite ? <NewConnectionDialog projects={projects} /> : null}
      </div>
      {connections.length === 0 ? (
        <EmptyState
          icon={PlugZap}
          title="No connections yet"
          description="Add GitHub, GitLab or Azure DevOps; or report runs from any CI with PUT /api/v1/runs."
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
                <TableHead>Last delivery</TableHead>
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
                  <TableCell>{connection.config.repositories.length}</TableCell>
                  <TableCell className="whitespace-nowrap text-muted-foreground">
                    {connection.lastDeliveryAt ? formatDateTime(connection.lastDeliveryAt) : "Never"}
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
