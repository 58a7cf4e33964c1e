"use client";

import { GitCompare } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
// The compare schema's own limits (through lib/queries), so page and server never disagree.
import { MAX_COMPARED, MIN_COMPARED } from "@/lib/queries/models";

export { MAX_COMPARED, MIN_COMPARED };

/** The model page's selection summary and the Compare link (the selection goes in the URL). */
export function CompareBar({
  modelId,
  picked,
  onClear,
}: {
  modelId: string;
  picked: number[];
  onClear: () => void;
}) {
  const ready = picked.length >= MIN_COMPARED && picked.length <= MAX_COMPARED;
  const href = `/models/${modelId}/compare?versions=${[...picked].sort((a, b) => a - b).join(",")}`;
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <p className="text-muted-foreground text-sm" aria-live="polite">
        {picked.length === 0
          ? `Tick ${MIN_COMPARED} to ${MAX_COMPARED} versions to compare them.`
          : `${picked.length} selected: ${[...picked]
              .sort((a, b) => a - b)
              .map((v) => `v${v}`)
              .join(", ")}`}
      </p>
      <div className="flex gap-2">
        {picked.length > 0 ? (
          <Button variant="ghost" size="sm" onClick={onClear}>
            Clear
          </Button>
        ) : null}
        {ready ? (
          <Button asChild size="sm">
            <Link href={href} data-testid="compare-link">
              <GitCompare aria-hidden="true" className="size-4" /> Compare
            </Link>
          </Button>
        ) : (
          <Button size="sm" disabled>
            <GitCompare aria-hidden="true" className="size-4" /> Compare
          </Button>
        )}
      </div>
    </div>
  );
}
