"use client";

import { CalendarClock } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { cn } from "@/lib/utils/cn";
import { isTimeRangeKey, parseTimeRange, TIME_RANGE_OPTIONS } from "@/lib/utils/time-range";
import { RANGE_PARAM, useSearchParamUpdater } from "./use-search-param-updater";

export type TimeRangePickerProps = { className?: string };

/** Writes `?range=` (1h, 24h, 7d, 30d, 90d); server pages read it with `parseTimeRange`. */
export function TimeRangePicker({ className }: TimeRangePickerProps) {
  const searchParams = useSearchParams();
  const update = useSearchParamUpdater();
  const { key } = parseTimeRange(searchParams.get(RANGE_PARAM));

  return (
    <Select
      value={key}
      onValueChange={(next) => {
        if (isTimeRangeKey(next)) update({ [RANGE_PARAM]: next });
      }}
    >
      <SelectTrigger
        aria-label="Time range"
        className={cn("w-40", className)}
        data-testid="time-range-picker"
      >
        <span className="flex min-w-0 items-center gap-2">
          <CalendarClock
            className="hidden size-4 shrink-0 text-muted-foreground sm:block"
            aria-hidden="true"
          />
          <SelectValue />
        </span>
      </SelectTrigger>
      <SelectContent>
        {TIME_RANGE_OPTIONS.map((option) => (
          <SelectItem key={option.key} value={option.key}>
            {option.label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
