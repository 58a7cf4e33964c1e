import { ArrowLeft, GitCompare } from "lucide-react";
import Link from "next/link";
import type * as React from "react";
import type { VersionPageDto } from "@/app/(dashboard)/models/[modelId]/versions/[version]/client";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/utils/format";

const STATUS: Record<VersionPageDto["version"]["status"], { variant: BadgeVariant; text: string }> = {
  registered: { variant: "neutral", text: "Registered" },
  ready: { variant: "success", text: "Ready" },
  failed: { variant: "danger", text: "Failed" },
  archived: { variant: "outline", text: "Archived" },
};

const WHY = { production: "production", champion: "champion", neighbour: "nearest version" } as const;

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex min-w-0 gap-1.5">
      <dt className="shrink-0 text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-all">{children}</dd>
    </div>
  );
}

/**
 * The version's heading: model (a link back), number, status and aliases; where it came from
 * and who made it; "Compare with…" and the promotion action.
 */
export function VersionHeader({ page, actions }: { page: VersionPageDto; actions?: React.ReactNode }) {
  const v = page.version;
  const status = STATUS[v.status];
  const compare = page.compareWith;
  return (
    <div className="space-y-3">
      <Link
        href={`/models/${page.model.id}`}
        className="inline-flex w-fit items-center gap-1 text-muted-foreground text-sm hover:text-foreground"
      >
        <ArrowLeft className="size-4" aria-hidden="true" />
        {page.model.name}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-2">
          <h1 className="flex flex-wrap items-center gap-2 font-semibold text-2xl tracking-tight">
            <span>
              {page.model.name} <span className="font-mono">v{v.version}</span>
            </span>
            <Badge variant={status.variant} data-testid="version-status">
              {status.text}
            </Badge>
          </h1>
          {v.aliases.length > 0 ? (
            <ul aria-label="Aliases" className="flex flex-wrap gap-1.5">
              {v.aliases.map((alias) => (
                <li key={alias}>
                  <Badge variant={alias === "champion" ? "success" : "info"} data-testid={`alias-${alias}`}>
                    {alias}
                  </Badge>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {compare ? (
            <Button asChild size="sm" variant="outline">
              <Link
                href={`/models/${page.model.id}/compare?versions=${v.version},${compare.version}`}
                data-testid="compare-with"
              >
                <GitCompare aria-hidden="true" />
                Compare with v{compare.version} ({WHY[compare.reason]})
              </Link>
            </Button>
          ) : null}
          {actions}
        </div>
      </div>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2" data-testid="version-facts">
        <Field label="Project">{page.model.projectSlug}</Field>
        <Field label="Framework">{v.framework ?? "—"}</Field>
        <Field label="Artifact">
          {v.artifactUri ? <span className="font-mono text-xs">{v.artifactUri}</span> : "—"}
        </Field>
        <Field label="Created">
          <time dateTime={v.createdAt}>{formatDateTime(v.createdAt)}</time>
          {v.createdBy ? ` by ${v.createdBy}` : ""}
        </Field>
      </dl>
    </div>
  );
}
