"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { useSearchParamUpdater } from "@/components/layout/use-search-param-updater";
import { NativeSelect } from "@/components/ui/native-select";

export type FilterOption = { value: string; label: string };

export type FilterSelectProps = {
  /** The search param this filter writes, e.g. "status". */
  param: string;
  label: string;
  options: FilterOption[];
  /** The option that removes the param, e.g. "All statuses"; omit when the param always has a value. */
  allLabel?: string;
  /** Shown selected when the param is absent and there is no "all" option. */
  defaultValue?: string;
  className?: string;
};

/**
 * A labelled list filter kept in the URL: choosing an option sets `?param=` (keeping the
 * other params), so the filtered view can be linked, reloaded and navigated back to.
 */
export function FilterSelect({
  param,
  label,
  options,
  allLabel,
  defaultValue = "",
  className,
}: FilterSelectProps) {
  const id = useId();
  const searchParams = useSearchParams();
  const update = useSearchParamUpdater();
  const current = searchParams.get(param) ?? defaultValue;
  // Shows the choice at once; the URL only changes when the navigation commits.
  const [value, setValue] = useState(current);
  useEffect(() => setValue(current), [current]);

  return (
    <div className={className ?? "flex w-44 flex-col gap-1.5"}>
      <label htmlFor={id} className="font-medium text-muted-foreground text-xs">
        {label}
      </label>
      <NativeSelect
        id={id}
        value={value}
        data-testid={`filter-${param}`}
        onChange={(event) => {
          const next = event.target.value;
          setValue(next);
          update({ [param]: next === "" || (!allLabel && next === defaultValue) ? null : next });
        }}
      >
        {allLabel ? <option value="">{allLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
