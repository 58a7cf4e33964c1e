"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { useSearchParamUpdater } from "@/components/layout/use-search-param-updater";
import { type FilterOption, FilterSelect } from "@/components/lists/filter-select";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/**
 * "Runs now in" applies on change; the version search on submit, so typing does not
 * navigate per keystroke. The project comes from the header. Everything lives in the URL.
 */
export function ReleaseFilters({ environments }: { environments: FilterOption[] }) {
  const id = useId();
  const searchParams = useSearchParams();
  const update = useSearchParamUpdater();
  const inUrl = searchParams.get("q") ?? "";
  const [q, setQ] = useState(inUrl);
  useEffect(() => setQ(inUrl), [inUrl]);

  return (
    <div className="flex flex-wrap items-end gap-3">
      <FilterSelect param="environment" label="Runs now in" allLabel="All releases" options={environments} />
      <form
        aria-label="Filter by version"
        className="flex items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          update({ q: q.trim() || null });
        }}
      >
        <div className="flex w-44 flex-col gap-1.5">
          <label htmlFor={`${id}-q`} className="font-medium text-muted-foreground text-xs">
            Version starts with
          </label>
          <Input
            id={`${id}-q`}
            value={q}
            placeholder="v1.14"
            data-testid="filter-q"
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        <Button type="submit" variant="outline">
          Apply
        </Button>
      </form>
    </div>
  );
}
