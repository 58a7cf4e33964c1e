"use client";

import { useId } from "react";
import { Field } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { ProjectOption } from "./repository-mapping-fields";

export type MlflowConfigState = { projectId: string; models: string; intervalMinutes: string };

/** The `config` of an MLflow create request: one model name per line (or comma), blanks dropped. */
export function mlflowConfigInput(state: MlflowConfigState) {
  return {
    projectId: state.projectId,
    models: state.models
      .split(/[\n,]/)
      .map((name) => name.trim())
      .filter(Boolean),
    intervalMinutes: Number(state.intervalMinutes) || 15,
  };
}

/** Which registered models to import, into which project, how often. */
export function MlflowConfigFields(props: {
  value: MlflowConfigState;
  onChange: (next: MlflowConfigState) => void;
  projects: ProjectOption[];
  error?: string;
}) {
  const id = useId();
  const { value, onChange } = props;
  const set = (change: Partial<MlflowConfigState>) => onChange({ ...value, ...change });
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-1 font-medium text-sm">What to import</legend>
      <Field
        id={`${id}-project`}
        label="Project"
        hint="Imported models land in this project."
        error={props.error}
      >
        {(describedBy) => (
          <NativeSelect
            id={`${id}-project`}
            value={value.projectId}
            onChange={(event) => set({ projectId: event.target.value })}
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
      <Field
        id={`${id}-models`}
        label="Registered models"
        hint="One name per line. Leave empty to import every model the sign-in can see."
      >
        {(describedBy) => (
          <textarea
            id={`${id}-models`}
            rows={3}
            value={value.models}
            onChange={(event) => set({ models: event.target.value })}
            aria-describedby={describedBy}
            className="rounded-md border bg-transparent px-3 py-2 font-mono text-sm shadow-xs focus-visible:outline-2 focus-visible:outline-ring"
          />
        )}
      </Field>
      <Field id={`${id}-interval`} label="Import every (minutes)">
        {(describedBy) => (
          <Input
            id={`${id}-interval`}
            type="number"
            min={1}
            max={1440}
            value={value.intervalMinutes}
            onChange={(event) => set({ intervalMinutes: event.target.value })}
            aria-describedby={describedBy}
          />
        )}
      </Field>
    </fieldset>
  );
}
