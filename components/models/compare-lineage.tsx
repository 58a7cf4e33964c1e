import Link from "next/link";
import type { ComparisonDto } from "@/app/(dashboard)/models/[modelId]/compare/client";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

/** Lineage (commit, training run, promotions) and where each version runs, a column per version. */
export function CompareLineage({ comparison: c }: { comparison: ComparisonDto }) {
  const versionHref = (n: number) => `/models/${c.model.id}/versions/${n}`;
  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle as="h2">Lineage and deployments</CardTitle>
      </CardHeader>
      <CardContent className="overflow-x-auto">
        <Table caption="Lineage and deployment status by version">
          <TableHeader>
            <TableRow>
              <TableHead>
                <span className="sr-only">Field</span>
              </TableHead>
              {c.versions.map((v) => (
                <TableHead key={v.version}>
                  <Link href={versionHref(v.version)} className="underline-offset-4 hover:underline">
                    v{v.version}
                  </Link>
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            <TableRow>
              <TableHead scope="row">Aliases</TableHead>
              {c.versions.map((v) => (
                <TableCell key={v.version} className="space-x-1">
                  {v.aliases.length === 0
                    ? "—"
                    : v.aliases.map((a) => (
                        <Badge key={a} variant="info">
                          {a}
                        </Badge>
                      ))}
                </TableCell>
              ))}
            </TableRow>
            <TableRow>
              <TableHead scope="row">Commit</TableHead>
              {c.versions.map((v) => (
                <TableCell key={v.version} className="font-mono text-xs">
                  {v.commitSha ? v.commitSha.slice(0, 10) : "—"}
                </TableCell>
              ))}
            </TableRow>
            <TableRow>
              <TableHead scope="row">Training run</TableHead>
              {c.versions.map((v) => (
                <TableCell key={v.version}>
                  {v.sourceRun ? (
                    <Link
                      href={`/pipelines/runs/${v.sourceRun.id}`}
                      className="underline-offset-4 hover:underline"
                    >
                      {v.sourceRun.pipelineName}
                      {v.sourceRun.runNumber === null ? "" : ` #${v.sourceRun.runNumber}`}
                    </Link>
                  ) : (
                    "—"
                  )}
                </TableCell>
              ))}
            </TableRow>
            <TableRow>
              <TableHead scope="row">Promotions</TableHead>
              {c.versions.map((v) => (
                <TableCell key={v.version}>
                  {v.promotions.length === 0
                    ? "—"
                    : v.promotions.map((p) => (
                        <Link
                          key={p.id}
                          href={`/approvals/${p.id}`}
                          className="block underline-offset-4 hover:underline"
                        >
                          {p.environmentName}: {p.status}
                        </Link>
                      ))}
                </TableCell>
              ))}
            </TableRow>
            {c.environments.map((env) => (
              <TableRow key={env.id}>
                <TableHead scope="row">
                  {env.name}
                  {env.isProduction ? (
                    <span className="text-muted-foreground text-xs"> (production)</span>
                  ) : null}
                </TableHead>
                {c.versions.map((v) => {
                  const here = v.deployedIn.find((d) => d.environmentId === env.id);
                  return (
                    <TableCell key={v.version}>
                      {here ? (
                        <Badge variant="success">running</Badge>
                      ) : (
                        <span className="text-muted-foreground">—</span>
                      )}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
