import { Info } from "lucide-react";
import type * as React from "react";

export type PageHeadingProps = {
  title: string;
  description?: React.ReactNode;
  /** One line about what this page does not do yet and which work brings it. */
  note?: React.ReactNode;
  /** Filters or actions shown under the heading. */
  children?: React.ReactNode;
};

/** The top of an area page: the page's only h1, a sentence about it, and its filters. */
export function PageHeading({ title, description, note, children }: PageHeadingProps) {
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="font-semibold text-2xl tracking-tight">{title}</h1>
        {description ? <p className="text-muted-foreground text-sm">{description}</p> : null}
      </div>
      {note ? (
        <p className="flex items-center gap-2 text-muted-foreground text-xs" data-testid="page-note">
          <Info aria-hidden="true" className="size-3.5 shrink-0" />
          {note}
        </p>
      ) : null}
      {children ? <div className="flex flex-wrap items-end gap-3">{children}</div> : null}
    </div>
  );
}
