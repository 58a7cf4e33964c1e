import { ChevronDown } from "lucide-react";
import type * as React from "react";
import { cn } from "@/lib/utils/cn";

export type NativeSelectProps = React.ComponentProps<"select">;

/**
 * A real <select>, so its value posts with the form to a server action and works before
 * hydration. Use <Select> only for client-side pickers.
 */
export function NativeSelect({ className, children, ...props }: NativeSelectProps) {
  return (
    <div className="relative w-full">
      <select
        data-slot="native-select"
        className={cn(
          "h-9 w-full appearance-none rounded-md border border-input bg-background py-1 pr-9 pl-3 text-sm shadow-xs focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring disabled:cursor-not-allowed disabled:opacity-60 aria-invalid:border-destructive",
          className,
        )}
        {...props}
      >
        {children}
      </select>
      <ChevronDown
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground"
        aria-hidden="true"
      />
    </div>
  );
}
