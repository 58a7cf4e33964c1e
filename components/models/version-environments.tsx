import Link from "next/link";
import type { VersionPageDto } from "@/app/(dashboard)/models/[modelId]/versions/[version]/client";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/utils/format";

/** Each environment of the project in promotion order: does this version run there now, and if not, which one does. */
export function VersionEnvironments({ page }: { page: VersionPageDto }) {
  const n = page.version.version;
  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle>Deployed per environment</CardTitle>
        <CardDescription>
          What runs in each environment of {page.model.name}&apos;s project now.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {page.environments.length === 0 ? (
          <p className="text-muted-foreground text-sm">The project has no environments yet.</p>
        ) : (
          <Table caption={`Where v${n} runs now, per environment`} data-testid="version-environments">
            <TableHeader>
              <TableRow>
                <TableHead>Environment</TableHead>
                <TableHead>v{n}</TableHead>
                <TableHead>Since</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.environments.map((env) => (
                <TableRow key={env.id} data-testid={`version-env-${env.slug}`}>
                  <TableHead scope="row" className="text-foreground">
                    {env.name}
                    {env.isProduction ? (
                      <span className="text-muted-foreground text-xs"> (production)</span>
                    ) : null}
                  </TableHead>
                  <TableCell>
                    {env.since ? (
                      <Badge variant="success">runs here</Badge>
                    ) : env.otherVersion !== null ? (
                      <span className="text-muted-foreground text-sm">
                        Not here;{" "}
                        <Link
                          href={`/models/${page.model.id}/versions/${env.otherVersion}`}
                          className="font-medium text-foreground underline underline-offset-4"
                        >
                          v{env.otherVersion}
                        </Link>{" "}
                        runs
                      </span>
                    ) : (
                      <span className="text-muted-foreground text-sm">
                        Not here; no version of this model
                      </span>
                    )}
                  </TableCell>
                  <TableCell className="text-muted-foreground text-xs">
                    {env.since ? <time dateTime={env.since}>{formatDateTime(env.since)}</time> : "—"}
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
