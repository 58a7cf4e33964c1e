"use client";

import { useId } from "react";
import { NativeSelect } from "@/components/ui/native-select";

export type HistoryAxis = { x: "step" | "time"; log: boolean };

/**
 * The "X axis" and "Log scale" controls over a metric-history chart grid; the version page and
 * the compare page share them so both read and behave the same.
 */
export function HistoryAxisControls({
  value,
  onChange,
}: {
  value: HistoryAxis;
  onChange: (value: HistoryAxis) => void;
}) {
  const xId = useId();
  const logId = useId();
  return (
    <div className="flex items-end gap-4 text-sm">
      <div className="flex flex-col gap-1">
        <label htmlFor={xId} className="text-muted-foreground text-xs">
          X axis
        </label>
        <NativeSelect
          id={xId}
          value={value.x}
          onChange={(e) => onChange({ ...value, x: e.target.value as HistoryAxis["x"] })}
        >
          <option value="step">Step</option>
          <option value="time">Time</option>
        </NativeSelect>
      </div>
      <label htmlFor={logId} className="flex items-center gap-2 pb-2">
        <input
          id={logId}
          type="checkbox"
          checked={value.log}
          onChange={(e) => onChange({ ...value, log: e.target.checked })}
        />
        Log scale
      </label>
    </div>
  );
}
