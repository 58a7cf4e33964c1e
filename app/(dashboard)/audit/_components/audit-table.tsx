import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AuditEventDto } from "@/lib/queries/audit";
import { formatDateTime } from "@/lib/utils/format";

/** A short, readable line from the event's data: its summary when the writer left one. */
function details(event: AuditEventDto): string {
  if (typeof event.data.summary === "string") return event.data.summary;
  const keys = Object.keys(event.data);
  return keys.length === 0 ? "" : JSON.stringify(event.data).slice(0, 160);
}

/** Audit events as written: exact UTC time, who, what (with details), where, on what. Narrow screens drop the last columns. */
export function AuditTable({ items }: { items: AuditEventDto[] }) {
  return (
    <Table caption="Audit log, newest first" data-testid="audit-table">
      <TableHeader>
        <TableRow>
          <TableHead>When (UTC)</TableHead>
          <TableHead>Actor</TableHead>
          <TableHead>Action</TableHead>
          <TableHead className="hidden xl:table-cell">Project</TableHead>
          <TableHead className="hidden 2xl:table-cell">Target</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((e) => (
          <TableRow key={e.id} data-testid="audit-row">
            <TableCell className="whitespace-nowrap text-sm tabular-nums">
              <time dateTime={e.createdAt}>{formatDateTime(e.createdAt)}</time>
            </TableCell>
            <TableCell className="max-w-40 truncate text-sm xl:max-w-48">{e.actorLabel}</TableCell>
            <TableCell className="max-w-56 xl:max-w-72">
              <div className="truncate font-mono text-xs">{e.action}</div>
              {details(e) ? <div className="truncate text-muted-foreground text-xs">{details(e)}</div> : null}
            </TableCell>
            <TableCell className="hidden whitespace-nowrap text-sm xl:table-cell">
              {e.projectName ?? "—"}
            </TableCell>
            <TableCell className="hidden max-w-40 truncate text-xs 2xl:table-cell">
              {e.targetType}
              {e.targetId ? <span className="font-mono text-muted-foreground"> {e.targetId}</span> : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
