"use client";

import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { type CiConnectionKind, REPOSITORY_HINTS } from "@/lib/connections/kinds";

export type MappingRow = { key: string; name: string; projectId: string };
export type ProjectOption = { id: string; name: string };

export type RepositoryMappingFieldsProps = {
  idPrefix: string;
  kind: CiConnectionKind;
  rows: MappingRow[];
  onChange: (rows: MappingRow[]) => void;
  projects: ProjectOption[];
  error?: string;
};

let nextKey = 0;
/** A new empty row; keys keep React's focus on the right row when one is removed. */
export function emptyMappingRow(projectId = ""): MappingRow {
  nextKey += 1;
  return { key: `row-${nextKey}`, name: "", projectId };
}

/** Rows of "repository → Tandem project": which runs belong where. */
export function RepositoryMappingFields({
  idPrefix,
  kind,
  rows,
  onChange,
  projects,
  error,
}: RepositoryMappingFieldsProps) {
  const hint = REPOSITORY_HINTS[kind];
  const update = (key: string, change: Partial<MappingRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  return (
    <fieldset
      className="flex flex-col gap-2"
      aria-describedby={error ? `${idPrefix}-error` : `${idPrefix}-hint`}
    >
      <legend className="mb-1 font-medium text-sm">Repositories → projects</legend>
      <p id={`${idPrefix}-hint`} className="text-muted-foreground text-xs">
        Runs from each {hint.label.toLowerCase()} land in the Tandem project next to it.
      </p>
      {rows.map((row, index) => (
        <div key={row.key} className="grid grid-cols-[1fr_1fr_auto] items-end gap-2">
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={`${idPrefix}-${row.key}-name`} className={index > 0 ? "sr-only" : undefined}>
              {hint.label} {index > 0 ? index + 1 : ""}
            </Label>
            <Input
              id={`${idPrefix}-${row.key}-name`}
              value={row.name}
              placeholder={hint.placeholder}
              autoComplete="off"
              onChange={(event) => update(row.key, { name: event.target.value })}
            />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={`${idPrefix}-${row.key}-project`} className={index > 0 ? "sr-only" : undefined}>
              Project {index > 0 ? index + 1 : ""}
            </Label>
            <NativeSelect
              id={`${idPrefix}-${row.key}-project`}
              value={row.projectId}
              onChange={(event) => update(row.key, { projectId: event.target.value })}
            >
              <option value="">Choose a project</option>
              {projects.map((project) => (
                <option key={project.id} value={project.id}>
                  {project.name}
                </option>
              ))}
            </NativeSelect>
          </div>
          <Button
            variant="ghost"
            size="icon"
            aria-label={`Remove ${row.name || `row ${index + 1}`}`}
            onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
          >
            <Trash2 aria-hidden="true" />
          </Button>
        </div>
      ))}
      <div>
        <Button
          variant="outline"
          size="sm"
          onClick={() => onChange([...rows, emptyMappingRow(projects[0]?.id)])}
        >
          <Plus aria-hidden="true" />
          Add {hint.label.toLowerCase()}
        </Button>
      </div>
      {error ? (
        <p id={`${idPrefix}-error`} className="text-destructive text-xs">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The rows as the connection `config` wants them: blank rows dropped. */
export function mappingToConfig(rows: MappingRow[]) {
  return {
    repositories: rows
      .filter((row) => row.name.trim() || row.projectId)
      .map((row) => ({ name: row.name.trim(), projectId: row.projectId })),
  };
}
