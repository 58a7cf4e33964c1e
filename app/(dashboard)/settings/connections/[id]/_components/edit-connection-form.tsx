"use client";

import { useState } from "react";
import { Field } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import type { ConnectionDetail } from "@/lib/connections/get-connection";
import type { CiConnectionKind } from "@/lib/connections/kinds";
import type { Jsonify } from "@/lib/queries/fetch-json";
import {
  emptyMappingRow,
  type MappingRow,
  mappingToConfig,
  type ProjectOption,
  RepositoryMappingFields,
} from "../../_components/repository-mapping-fields";
import { ConnectionSettingsCard } from "./connection-settings-card";

export type EditConnectionFormProps = {
  connection: Jsonify<ConnectionDetail> & { kind: CiConnectionKind };
  projects: ProjectOption[];
  canWrite: boolean;
};

/** Name, base URL, token (blank keeps the stored one) and the repository → project mapping. */
export function EditConnectionForm({ connection, projects, canWrite }: EditConnectionFormProps) {
  const [token, setToken] = useState("");
  const [rows, setRows] = useState<MappingRow[]>(() =>
    connection.config.repositories.map((r) => ({ ...emptyMappingRow(r.projectId), name: r.name })),
  );
  const [defaultProjectId, setDefaultProjectId] = useState(connection.config.defaultProjectId ?? "");

  return (
    <ConnectionSettingsCard
      connection={connection}
      description="Which provider to read, with which token, and where its runs belong."
      canWrite={canWrite}
      input={() => ({
        token,
        config: { ...mappingToConfig(rows), ...(defaultProjectId ? { defaultProjectId } : {}) },
      })}
      onSaved={() => {
        setToken("");
        toast.success(token ? "Saved, with the new token." : "Saved.");
      }}
    >
      {({ id, errors }) => (
        <>
          <Field
            id={`${id}-token`}
            label="Access token"
            hint={
              connection.hasToken
                ? "A token is stored. Leave blank to keep it; type a new one to replace it."
                : "No token stored yet."
            }
            error={errors.token}
          >
            {(describedBy) => (
              <Input
                id={`${id}-token`}
                type="password"
                autoComplete="off"
                value={token}
                placeholder={connection.hasToken ? "••••••••  (unchanged)" : ""}
                onChange={(e) => setToken(e.target.value)}
                aria-describedby={describedBy}
              />
            )}
          </Field>
          <RepositoryMappingFields
            idPrefix={`${id}-repo`}
            kind={connection.kind}
            rows={rows}
            onChange={setRows}
            projects={projects}
            error={errors.config}
          />
          <Field
            id={`${id}-default`}
            label="Other repositories go to"
            hint="Runs from repositories not listed above; choose none to ignore them."
          >
            {(describedBy) => (
              <NativeSelect
                id={`${id}-default`}
                value={defaultProjectId}
                onChange={(e) => setDefaultProjectId(e.target.value)}
                aria-describedby={describedBy}
              >
                <option value="">None: ignore them</option>
                {projects.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </NativeSelect>
            )}
          </Field>
        </>
      )}
    </ConnectionSettingsCard>
  );
}
