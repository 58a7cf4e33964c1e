import type * as React from "react";
import { cn } from "@/lib/utils/cn";

export type TableProps = React.ComponentProps<"table"> & {
  /** Names the table for assistive tech; visually hidden unless `showCaption`. */
  caption?: React.ReactNode;
  showCaption?: boolean;
};

export function Table({ className, caption, showCaption = false, children, ...props }: TableProps) {
  const label = typeof caption === "string" ? caption : undefined;
  return (
    // The wrapper scrolls wide tables on small screens instead of the page; it takes focus
    // so keyboard users can scroll it too (axe: scrollable-region-focusable).
    <section
      data-slot="table-container"
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to scroll by keyboard
      tabIndex={0}
      className="relative w-full overflow-x-auto rounded-md focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
    >
      <table
        data-slot="table"
        className={cn("w-full caption-bottom border-collapse text-sm", className)}
        {...props}
      >
        {caption ? (
          <caption className={cn(showCaption ? "mt-3 text-muted-foreground text-sm" : "sr-only")}>
            {caption}
          </caption>
        ) : null}
        {children}
      </table>
    </section>
  );
}

export function TableHeader({ className, ...props }: React.ComponentProps<"thead">) {
  return <thead data-slot="table-header" className={cn("[&_tr]:border-b", className)} {...props} />;
}

export function TableBody({ className, ...props }: React.ComponentProps<"tbody">) {
  return <tbody data-slot="table-body" className={cn("[&_tr:last-child]:border-0", className)} {...props} />;
}

export function TableRow({ className, ...props }: React.ComponentProps<"tr">) {
  return (
    <tr
      data-slot="table-row"
      className={cn("border-b transition-colors hover:bg-muted/50 data-[state=selected]:bg-muted", className)}
      {...props}
    />
  );
}

export function TableHead({ className, scope = "col", ...props }: React.ComponentProps<"th">) {
  return (
    <th
      data-slot="table-head"
      scope={scope}
      className={cn(
        "h-10 whitespace-nowrap px-3 text-left align-middle font-medium text-muted-foreground",
        className,
      )}
      {...props}
    />
  );
}

export function TableCell({ className, ...props }: React.ComponentProps<"td">) {
  return <td data-slot="table-cell" className={cn("px-3 py-2.5 align-middle", className)} {...props} />;
}
