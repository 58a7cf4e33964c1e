"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertTriangle, Undo2 } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ScopeFilters } from "@/lib/queries/keys";
import { type MatrixDto, overviewQueries } from "@/lib/queries/overview";
import { formatRelativeTime } from "@/lib/utils/format";

type Cell = MatrixDto["rows"][number]["cells"][number];

function MatrixCellView({ cell }: { cell: Cell | undefined }) {
  if (!cell) return <span className="text-muted-foreground">—</span>;
  return (
    <div className="space-y-0.5">
      {cell.current ? (
        <>
          <div className="flex items-center gap-1 font-mono text-sm font-medium">
            {cell.current.label}
            {cell.current.isRollback ? <Undo2 aria-label="rollback" className="size-3 text-warning" /> : null}
          </div>
          <div className="text-xs text-muted-foreground">
            {formatRelativeTime(cell.current.startedAt)}
            {cell.current.actor ? ` · ${cell.current.actor}` : ""}
          </div>
        </>
      ) : (
        <span className="text-sm text-muted-foreground">Nothing deployed</span>
      )}
      {cell.latestAttempt && cell.latestAttempt.status !== "succeeded" ? (
        <div className="flex items-center gap-1 text-xs text-destructive">
          <AlertTriangle aria-hidden="true" className="size-3" />
          {cell.latestAttempt.label} {cell.latestAttempt.status.replace("_", " ")}
        </div>
      ) : null}
    </div>
  );
}

/** What is deployed where: projects down, environments across, in promotion order. */
export function DeploymentMatrix({ filters, initial }: { filters: ScopeFilters; initial: MatrixDto }) {
  const { data } = useQuery({ ...overviewQueries.matrix(filters), initialData: initial });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Deployed now</CardTitle>
        <CardDescription>The latest successful deployment per environment</CardDescription>
      </CardHeader>
      <CardContent>
        {data.rows.length === 0 ? (
          <EmptyState
            title="No environments yet"
            description="Environments appear here once a project defines them."
          />
        ) : (
          <Table
            caption="What is deployed in each environment of each project"
            data-testid="deployment-matrix"
          >
            <TableHeader>
              <TableRow>
                <TableHead>Project</TableHead>
                {data.environments.map((name) => (
                  <TableHead key={name}>{name}</TableHead>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.rows.map((row) => (
                <TableRow key={row.projectId}>
                  <TableHead scope="row" className="font-medium text-foreground">
                    {row.projectName}
                  </TableHead>
                  {data.environments.map((name) => (
                    <TableCell key={name}>
                      <MatrixCellView cell={row.cells.find((c) => c.environmentName === name)} />
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
