"use client";

import { Download } from "lucide-react";
import { useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import { useEffect, useId, useState } from "react";
import { useSearchParamUpdater } from "@/components/layout/use-search-param-updater";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { TARGET_TYPES } from "../search-params";

const FILTER_PARAMS = ["action", "actor", "targetType", "from", "to"] as const;
type FilterParam = (typeof FILTER_PARAMS)[number];
type Values = Record<FilterParam, string>;

/** An ISO instant as a datetime-local value in the browser's zone, and back. */
function toLocal(iso: string): string {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
function toIso(local: string): string | null {
  const d = new Date(local);
  return local && !Number.isNaN(d.getTime()) ? d.toISOString() : null;
}

function Field(props: { id: string; label: string; children: ReactNode; width?: string }) {
  return (
    <div className={`flex ${props.width ?? "w-48"} flex-col gap-1.5`}>
      <label htmlFor={props.id} className="font-medium text-muted-foreground text-xs">
        {props.label}
      </label>
      {props.children}
    </div>
  );
}

/**
 * Filters applied on submit (Enter or "Apply"), not per keystroke, so typing does not fire
 * a navigation for every letter. All live in the URL; "Export CSV" downloads what they select.
 */
export function AuditFilters() {
  const id = useId();
  const searchParams = useSearchParams();
  const update = useSearchParamUpdater();
  const fromUrl = (): Values => ({
    action: searchParams.get("action") ?? "",
    actor: searchParams.get("actor") ?? "",
    targetType: searchParams.get("targetType") ?? "",
    from: toLocal(searchParams.get("from") ?? ""),
    to: toLocal(searchParams.get("to") ?? ""),
  });
  const urlKey = searchParams.toString();
  const [values, setValues] = useState<Values>(fromUrl);
  // Back/forward changes the URL under the form; follow it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: urlKey stands for every param
  useEffect(() => setValues(fromUrl()), [urlKey]);
  const set = (key: FilterParam) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const active = FILTER_PARAMS.some((p) => searchParams.get(p));
  const exportHref = `/api/v1/audit/export${urlKey ? `?${urlKey}` : ""}`;

  return (
    <form
      aria-label="Filter the audit log"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        update({
          action: values.action.trim() || null,
          actor: values.actor.trim() || null,
          targetType: values.targetType || null,
          from: toIso(values.from),
          to: toIso(values.to),
        });
      }}
    >
      <Field id={`${id}-action`} label="Action starts with">
        <Input
          id={`${id}-action`}
          value={values.action}
          onChange={(e) => set("action")(e.target.value)}
          placeholder="e.g. promotion or user.update"
          maxLength={100}
          data-testid="filter-action"
        />
      </Field>
      <Field id={`${id}-actor`} label="Actor contains">
        <Input
          id={`${id}-actor`}
          value={values.actor}
          onChange={(e) => set("actor")(e.target.value)}
          placeholder="e.g. admin@tandem.local"
          maxLength={200}
          data-testid="filter-actor"
        />
      </Field>
      <Field id={`${id}-target`} label="Target type" width="w-44">
        <NativeSelect
          id={`${id}-target`}
          value={values.targetType}
          onChange={(e) => set("targetType")(e.target.value)}
          data-testid="filter-target-type"
        >
          <option value="">All targets</option>
          {TARGET_TYPES.map((t) => (
            <option key={t} value={t}>
              {t.replace("_", " ")}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field id={`${id}-from`} label="From" width="w-52">
        <Input
          id={`${id}-from`}
          type="datetime-local"
          value={values.from}
          onChange={(e) => set("from")(e.target.value)}
        />
      </Field>
      <Field id={`${id}-to`} label="Until" width="w-52">
        <Input
          id={`${id}-to`}
          type="datetime-local"
          value={values.to}
          onChange={(e) => set("to")(e.target.value)}
        />
      </Field>
      <Button type="submit" variant="secondary">
        Apply
      </Button>
      {active ? (
        <Button
          type="button"
          variant="ghost"
          onClick={() => update(Object.fromEntries(FILTER_PARAMS.map((p) => [p, null])))}
        >
          Clear filters
        </Button>
      ) : null}
      <Button asChild variant="outline">
        <a href={exportHref} download data-testid="audit-export">
          <Download aria-hidden="true" />
          Export CSV
        </a>
      </Button>
    </form>
  );
}
