"use client";

import { Plus, Trash2 } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { ProjectOption } from "./repository-mapping-fields";

export type QueryRow = {
  key: string;
  id: string;
  promql: string;
  seriesName: string;
  kind: "service" | "model";
  projectId: string;
  /** `environment=prod, service=api` */
  labels: string;
  /** Optional, e.g. `seconds`; blank leaves the series without a unit. */
  unit: string;
  stepSeconds: string;
};

let nextKey = 0;
export function emptyQueryRow(projectId = ""): QueryRow {
  nextKey += 1;
  return {
    key: `query-${nextKey}`,
    id: "",
    promql: "",
    seriesName: "",
    kind: "service",
    projectId,
    labels: "",
    unit: "",
    stepSeconds: "60",
  };
}

/** `a=b, c=d` as a record; pieces without "=" are ignored. */
export function parseLabels(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const piece of text.split(",")) {
    const at = piece.indexOf("=");
    if (at > 0) out[piece.slice(0, at).trim()] = piece.slice(at + 1).trim();
  }
  return out;
}

/** The `config` of a Prometheus create or edit request. */
export function prometheusConfigInput(rows: QueryRow[], intervalSeconds: string) {
  return {
    queries: rows.map((row) => ({
      id: row.id.trim(),
      promql: row.promql.trim(),
      seriesName: row.seriesName.trim(),
      kind: row.kind,
      projectId: row.projectId,
      labels: parseLabels(row.labels),
      ...(row.unit.trim() ? { unit: row.unit.trim() } : {}),
      stepSeconds: Number(row.stepSeconds) || 60,
    })),
    intervalSeconds: Number(intervalSeconds) || 60,
  };
}

function QueryFields(props: {
  row: QueryRow;
  index: number;
  projects: ProjectOption[];
  onChange: (change: Partial<QueryRow>) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const { row, onChange } = props;
  const text = (
    field: "id" | "promql" | "seriesName" | "labels" | "unit" | "stepSeconds",
    label: string,
    hint?: string,
  ) => (
    <Field id={`${id}-${field}`} label={label} hint={hint}>
      {(describedBy) => (
        <Input
          id={`${id}-${field}`}
          value={row[field]}
          type={field === "stepSeconds" ? "number" : "text"}
          autoComplete="off"
          className={field === "promql" ? "font-mono" : undefined}
          onChange={(event) => onChange({ [field]: event.target.value })}
          aria-describedby={describedBy}
        />
      )}
    </Field>
  );
  return (
    <fieldset
      className="grid grid-cols-2 gap-2 rounded-md border p-3"
      data-testid={`prometheus-query-${props.index}`}
    >
      <legend className="px-1 font-medium text-sm">Query {props.index + 1}</legend>
      {text("id", "Id", "Lower-case, e.g. api-latency-p95; progress is kept per id.")}
      {text("seriesName", "Series name", "The Tandem series, e.g. http_latency_p95_seconds.")}
      <div className="col-span-2">{text("promql", "PromQL")}</div>
      <Field id={`${id}-kind`} label="Kind">
        {(describedBy) => (
          <NativeSelect
            id={`${id}-kind`}
            value={row.kind}
            onChange={(event) => onChange({ kind: event.target.value as QueryRow["kind"] })}
            aria-describedby={describedBy}
          >
            <option value="service">Service</option>
            <option value="model">Model</option>
          </NativeSelect>
        )}
      </Field>
      <Field id={`${id}-project`} label="Project">
        {(describedBy) => (
          <NativeSelect
            id={`${id}-project`}
            value={row.projectId}
            onChange={(event) => onChange({ projectId: event.target.value })}
            aria-describedby={describedBy}
          >
            <option value="">Choose a project</option>
            {props.projects.map((project) => (
              <option key={project.id} value={project.id}>
                {project.name}
              </option>
            ))}
          </NativeSelect>
        )}
      </Field>
      {text("labels", "Labels", "environment=production, service=api")}
      {text("unit", "Unit", "Optional, e.g. seconds or percent.")}
      {text("stepSeconds", "Step (seconds)")}
      <div className="col-span-2 flex justify-end">
        <Button variant="ghost" size="sm" onClick={props.onRemove}>
          <Trash2 aria-hidden="true" />
          Remove query {props.index + 1}
        </Button>
      </div>
    </fieldset>
  );
}

/** The PromQL queries a Prometheus connection pulls, and how often. */
export function PrometheusQueryFields(props: {
  rows: QueryRow[];
  onChange: (rows: QueryRow[]) => void;
  intervalSeconds: string;
  onIntervalChange: (value: string) => void;
  projects: ProjectOption[];
  error?: string;
}) {
  const id = useId();
  const { rows, onChange } = props;
  return (
    <div className="flex flex-col gap-3">
      {rows.map((row, index) => (
        <QueryFields
          key={row.key}
          row={row}
          index={index}
          projects={props.projects}
          onChange={(change) => onChange(rows.map((r) => (r.key === row.key ? { ...r, ...change } : r)))}
          onRemove={() => onChange(rows.filter((r) => r.key !== row.key))}
        />
      ))}
      <div>
        <Button
          variant="outline"
          size="sm"
          onClick={() => onChange([...rows, emptyQueryRow(props.projects[0]?.id)])}
        >
          <Plus aria-hidden="true" />
          Add query
        </Button>
      </div>
      {props.error ? <p className="text-destructive text-xs">{props.error}</p> : null}
      <Field id={`${id}-interval`} label="Pull every (seconds)" hint="At least 10 seconds.">
        {(describedBy) => (
          <Input
            id={`${id}-interval`}
            type="number"
            min={10}
            max={3600}
            value={props.intervalSeconds}
            onChange={(event) => props.onIntervalChange(event.target.value)}
            aria-describedby={describedBy}
          />
        )}
      </Field>
    </div>
  );
}
