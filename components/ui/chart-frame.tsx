import type { LucideIcon } from "lucide-react";
import { ChartColumn } from "lucide-react";
import type * as React from "react";
import { cn } from "@/lib/utils/cn";
import { Card, CardDescription, CardHeader, CardTitle } from "./card";
import { EmptyState } from "./empty-state";
import { Skeleton } from "./skeleton";

export type ChartFrameProps = {
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Accessible name of the figure; should say what the chart shows, e.g. "Error rate, last 7 days". */
  ariaLabel: string;
  /** Filters, legends or links shown at the top right. */
  toolbar?: React.ReactNode;
  /** Height of the plot area in pixels; fixed so loading, empty and drawn states never shift layout. */
  height?: number;
  loading?: boolean;
  empty?: boolean;
  emptyTitle?: React.ReactNode;
  emptyDescription?: React.ReactNode;
  emptyIcon?: LucideIcon;
  /** A short text summary (or data table) for screen readers, since SVG charts say little. */
  summary?: React.ReactNode;
  titleAs?: "h2" | "h3" | "h4";
  className?: string;
  children?: React.ReactNode;
};

/** The one frame every chart is drawn in, so titles, sizes and empty/loading states stay consistent. */
export function ChartFrame({
  title,
  description,
  ariaLabel,
  toolbar,
  height = 240,
  loading = false,
  empty = false,
  emptyTitle = "No data in this range",
  emptyDescription = "Try a longer time range or another project.",
  emptyIcon = ChartColumn,
  summary,
  titleAs = "h2",
  className,
  children,
}: ChartFrameProps) {
  return (
    <Card className={cn("min-w-0", className)}>
      <CardHeader className="flex-row items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1">
          <CardTitle as={titleAs}>{title}</CardTitle>
          {description ? <CardDescription>{description}</CardDescription> : null}
        </div>
        {toolbar ? <div className="flex shrink-0 items-center gap-2">{toolbar}</div> : null}
      </CardHeader>
      <figure
        aria-label={ariaLabel}
        aria-busy={loading || undefined}
        className="m-0 px-5 pb-5"
        data-slot="chart-frame"
      >
        <div style={{ height }} className="relative w-full min-w-0">
          {loading ? (
            <Skeleton className="h-full w-full" />
          ) : empty ? (
            <EmptyState
              icon={emptyIcon}
              title={emptyTitle}
              description={emptyDescription}
              className="h-full py-0"
            />
          ) : (
            children
          )}
        </div>
        {summary && !loading && !empty ? <figcaption className="sr-only">{summary}</figcaption> : null}
      </figure>
    </Card>
  );
}
