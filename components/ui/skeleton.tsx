import type * as React from "react";
import { cn } from "@/lib/utils/cn";

/** Purely decorative; the surrounding region announces loading via `aria-busy`. */
export function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      className={cn("animate-pulse-soft rounded-md bg-muted", className)}
      {...props}
    />
  );
}
