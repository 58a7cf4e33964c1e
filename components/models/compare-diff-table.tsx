"use client";

import { useId, useState } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils/cn";

type DiffRow = { key: string; values: (string | null)[]; differs: boolean };

/** Params or tags side by side; rows where versions disagree are highlighted and can be shown alone. */
export function CompareDiffTable({
  title,
  rows,
  versions,
}: {
  title: string;
  rows: DiffRow[];
  versions: number[];
}) {
  const [onlyDiffs, setOnlyDiffs] = useState(false);
  const toggleId = useId();
  const shown = onlyDiffs ? rows.filter((r) => r.differs) : rows;
  const differing = rows.filter((r) => r.differs).length;
  return (
    <Card className="min-w-0">
      <CardHeader className="flex-row items-center justify-between gap-3">
        <CardTitle as="h2">
          {title} <span className="font-normal text-muted-foreground text-sm">({differing} differ)</span>
        </CardTitle>
        <label htmlFor={toggleId} className="flex items-center gap-2 text-sm">
          <input
            id={toggleId}
            type="checkbox"
            checked={onlyDiffs}
            onChange={(e) => setOnlyDiffs(e.target.checked)}
          />
          Only differences
        </label>
      </CardHeader>
      <CardContent className="overflow-x-auto">
        {shown.length === 0 ? (
          <p className="text-muted-foreground text-sm">
            {rows.length === 0 ? `No ${title.toLowerCase()}.` : "All equal."}
          </p>
        ) : (
          <Table caption={`${title} by version`} data-testid={`diff-${title.toLowerCase()}`}>
            <TableHeader>
              <TableRow>
                <TableHead>Key</TableHead>
                {versions.map((v) => (
                  <TableHead key={v}>v{v}</TableHead>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((row) => (
                <TableRow
                  key={row.key}
                  data-differs={row.differs || undefined}
                  className={cn(row.differs && "bg-amber-50 dark:bg-amber-950/40")}
                >
                  <TableHead scope="row" className="font-mono text-xs">
                    {row.key}
                    {row.differs ? <span className="sr-only"> (differs)</span> : null}
                  </TableHead>
                  {row.values.map((value, i) => (
                    <TableCell
                      key={versions[i]}
                      className="max-w-48 truncate font-mono text-xs"
                      title={value ?? undefined}
                    >
                      {value ?? <span className="text-muted-foreground">—</span>}
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
