"use client";

import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { ThresholdValues } from "./policy-values";

/** The metric-threshold checks: one row per metric, added and removed in place. */
export function ThresholdFields({
  id,
  rows,
  onChange,
  error,
}: {
  id: string;
  rows: ThresholdValues[];
  onChange: (rows: ThresholdValues[]) => void;
  error?: string;
}) {
  const set = (i: number, patch: Partial<ThresholdValues>) =>
    onChange(rows.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 font-medium text-sm">
        Metric thresholds (model versions, against the version running there)
      </legend>
      {rows.map((row, i) => {
        const rowId = `${id}-t${i}`;
        return (
          <div key={rowId} className="grid grid-cols-[1fr_7rem_6rem_7rem_auto] items-end gap-2">
            <div className="flex flex-col gap-1">
              <label htmlFor={`${rowId}-metric`} className="text-muted-foreground text-xs">
                Metric
              </label>
              <Input
                id={`${rowId}-metric`}
                value={row.metric}
                onChange={(e) => set(i, { metric: e.target.value })}
              />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={`${rowId}-dir`} className="text-muted-foreground text-xs">
                Better when
              </label>
              <NativeSelect
                id={`${rowId}-dir`}
                value={row.direction}
                onChange={(e) => set(i, { direction: e.target.value as ThresholdValues["direction"] })}
              >
                <option value="higher">higher</option>
                <option value="lower">lower</option>
              </NativeSelect>
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={`${rowId}-max`} className="text-muted-foreground text-xs">
                Max worse {row.mode === "relative" ? "(%)" : ""}
              </label>
              <Input
                id={`${rowId}-max`}
                inputMode="decimal"
                value={row.maxRegression}
                onChange={(e) => set(i, { maxRegression: e.target.value })}
              />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={`${rowId}-mode`} className="text-muted-foreground text-xs">
                Measured
              </label>
              <NativeSelect
                id={`${rowId}-mode`}
                value={row.mode}
                onChange={(e) => set(i, { mode: e.target.value as ThresholdValues["mode"] })}
              >
                <option value="absolute">absolute</option>
                <option value="relative">relative</option>
              </NativeSelect>
            </div>
            <Button
              type="button"
              variant="ghost"
              size="icon"
              aria-label={`Remove the ${row.metric || "new"} threshold`}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              <Trash2 aria-hidden="true" />
            </Button>
          </div>
        );
      })}
      {error ? <p className="text-destructive text-xs">{error}</p> : null}
      <div>
        <Button
          type="button"
          size="sm"
          variant="outline"
          onClick={() =>
            onChange([...rows, { metric: "", direction: "higher", maxRegression: "0", mode: "absolute" }])
          }
        >
          <Plus aria-hidden="true" />
          Add threshold
        </Button>
      </div>
    </fieldset>
  );
}
