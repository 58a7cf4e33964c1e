"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { useSearchParamUpdater } from "@/components/layout/use-search-param-updater";
import { FilterSelect } from "@/components/lists/filter-select";
import { PROVIDER_LABEL } from "@/components/runs/runs-table";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { PIPELINE_KINDS, PROVIDERS, RUN_STATUSES } from "../search-params";

const STATUS_LABEL: Record<(typeof RUN_STATUSES)[number], string> = {
  queued: "Queued",
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
  cancelled: "Cancelled",
  skipped: "Skipped",
};
const KIND_LABEL: Record<(typeof PIPELINE_KINDS)[number], string> = {
  ci: "CI",
  training: "Training",
  deploy: "Deploy",
};

export type RunFiltersProps = { pipelines: { id: string; name: string; projectName: string }[] };

/**
 * Status, provider, kind and pipeline apply on change; branch and actor (free text) on
 * submit so typing does not navigate per keystroke. The project and time range come from
 * the header. Everything lives in the URL.
 */
export function RunFilters({ pipelines }: RunFiltersProps) {
  const id = useId();
  const searchParams = useSearchParams();
  const update = useSearchParamUpdater();
  const branchInUrl = searchParams.get("branch") ?? "";
  const actorInUrl = searchParams.get("actor") ?? "";
  const [branch, setBranch] = useState(branchInUrl);
  const [actor, setActor] = useState(actorInUrl);
  useEffect(() => setBranch(branchInUrl), [branchInUrl]);
  useEffect(() => setActor(actorInUrl), [actorInUrl]);

  return (
    <div className="flex flex-wrap items-end gap-3">
      <FilterSelect
        param="status"
        label="Status"
        allLabel="All statuses"
        options={RUN_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
      />
      <FilterSelect
        param="provider"
        label="Provider"
        allLabel="All providers"
        options={PROVIDERS.map((p) => ({ value: p, label: PROVIDER_LABEL[p] }))}
      />
      <FilterSelect
        param="kind"
        label="Kind"
        allLabel="All kinds"
        className="flex w-32 flex-col gap-1.5"
        options={PIPELINE_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }))}
      />
      <FilterSelect
        param="pipeline"
        label="Pipeline"
        allLabel="All pipelines"
        className="flex w-56 flex-col gap-1.5"
        options={pipelines.map((p) => ({ value: p.id, label: `${p.name} (${p.projectName})` }))}
      />
      <form
        aria-label="Filter by branch and actor"
        className="flex items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          update({ branch: branch.trim() || null, actor: actor.trim() || null });
        }}
      >
        <div className="flex w-36 flex-col gap-1.5">
          <label htmlFor={`${id}-branch`} className="font-medium text-muted-foreground text-xs">
            Branch
          </label>
          <Input
            id={`${id}-branch`}
            value={branch}
            placeholder="main"
            data-testid="filter-branch"
            onChange={(e) => setBranch(e.target.value)}
          />
        </div>
        <div className="flex w-36 flex-col gap-1.5">
          <label htmlFor={`${id}-actor`} className="font-medium text-muted-foreground text-xs">
            Actor
          </label>
          <Input
            id={`${id}-actor`}
            value={actor}
            placeholder="octocat"
            data-testid="filter-actor"
            onChange={(e) => setActor(e.target.value)}
          />
        </div>
        <Button type="submit" variant="outline">
          Apply
        </Button>
      </form>
    </div>
  );
}
