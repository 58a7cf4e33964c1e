"use client";

import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils/cn";
import { useBreadcrumbLabels } from "./breadcrumb-labels";

export type Crumb = { href: string; label: string };

// Long opaque ids (uuids, hashes) make unreadable crumbs; show a short prefix instead.
const OPAQUE_ID = /^[0-9a-f-]{16,}$/i;

function labelFor(segment: string): string {
  const decoded = safeDecode(segment);
  if (OPAQUE_ID.test(decoded)) return decoded.slice(0, 8);
  const words = decoded.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Pure so it can be tested and reused; `labels` overrides a segment's text (e.g. an id with its name). */
export function crumbsFromPathname(pathname: string, labels: Record<string, string> = {}): Crumb[] {
  const segments = pathname.split("/").filter(Boolean);
  return segments.map((segment, i) => ({
    href: `/${segments.slice(0, i + 1).join("/")}`,
    label: labels[segment] ?? labelFor(segment),
  }));
}

export type BreadcrumbsProps = {
  labels?: Record<string, string>;
  className?: string;
};

export function Breadcrumbs({ labels, className }: BreadcrumbsProps) {
  const named = useBreadcrumbLabels();
  const crumbs = crumbsFromPathname(usePathname() ?? "/", { ...named, ...labels });
  if (crumbs.length === 0) return null;
  return (
    <nav aria-label="Breadcrumb" className={cn("min-w-0", className)}>
      <ol className="flex min-w-0 items-center gap-1.5 text-sm">
        {crumbs.map((crumb, i) => {
          const last = i === crumbs.length - 1;
          return (
            <li key={crumb.href} className="flex min-w-0 items-center gap-1.5">
              {i > 0 ? (
                <ChevronRight className="size-3.5 shrink-0 text-muted-foreground" aria-hidden="true" />
              ) : null}
              {last ? (
                <span aria-current="page" className="truncate font-medium text-foreground">
                  {crumb.label}
                </span>
              ) : (
                <Link
                  href={crumb.href}
                  className="truncate rounded-sm text-muted-foreground hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
                >
                  {crumb.label}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
