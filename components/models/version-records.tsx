import type { VersionPageDto } from "@/app/(dashboard)/models/[modelId]/versions/[version]/client";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

/** Params or tags as a two-column table, sorted by name. */
export function VersionKeyValues({
  title,
  record,
  testId,
}: {
  title: "Parameters" | "Tags";
  record: Record<string, string>;
  testId: string;
}) {
  const entries = Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent>
        {entries.length === 0 ? (
          <p className="text-muted-foreground text-sm">None recorded.</p>
        ) : (
          <Table caption={title} data-testid={testId}>
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Value</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {entries.map(([key, value]) => (
                <TableRow key={key}>
                  <TableHead scope="row" className="font-mono text-foreground">
                    {key}
                  </TableHead>
                  <TableCell className="break-all font-mono text-xs">{value}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

/** The data the version was trained and evaluated on, with its role and digest. */
export function VersionDatasets({ datasets }: { datasets: VersionPageDto["version"]["datasets"] }) {
  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle>Datasets</CardTitle>
      </CardHeader>
      <CardContent>
        {datasets.length === 0 ? (
          <p className="text-muted-foreground text-sm">No datasets recorded.</p>
        ) : (
          <Table caption="Datasets" data-testid="version-datasets">
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Role</TableHead>
                <TableHead>Location</TableHead>
                <TableHead className="hidden md:table-cell">Digest</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {datasets.map((d) => (
                <TableRow key={`${d.name}-${d.uri}`}>
                  <TableHead scope="row" className="text-foreground">
                    {d.name}
                  </TableHead>
                  <TableCell>{d.role ? <Badge variant="outline">{d.role}</Badge> : "—"}</TableCell>
                  <TableCell className="break-all font-mono text-xs">{d.uri}</TableCell>
                  <TableCell
                    className="hidden max-w-48 truncate font-mono text-xs md:table-cell"
                    title={d.digest ?? undefined}
                  >
                    {d.digest ?? "—"}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
