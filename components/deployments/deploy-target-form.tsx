"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import { fetchJson } from "@/lib/queries/fetch-json";

// Mirrors lib/deployments/deploy-target-schema.ts (components may not import server code);
// the server validates every field again and its message is shown here.
const DEPLOY_TARGET_KINDS = [
  "github_workflow_dispatch",
  "github_deployment",
  "gitlab_pipeline",
  "azure_pipeline_run",
] as const;
type Kind = (typeof DEPLOY_TARGET_KINDS)[number];
const DEPLOY_TARGET_CONNECTION_KIND: Record<Kind, string> = {
  github_workflow_dispatch: "github",
  github_deployment: "github",
  gitlab_pipeline: "gitlab",
  azure_pipeline_run: "azure_devops",
};
/** The DeployTarget an environment holds (lib/db/schema/projects.ts). */
export type DeployTargetValue = {
  connectionId: string;
  kind: Kind;
  repository: string;
  workflow?: string;
  ref: string;
  inputs?: Record<string, string>;
  providerEnvironment?: string;
};
export type DeployTargetConnection = { id: string; name: string; kind: string };

const KIND_LABELS: Record<Kind, string> = {
  github_workflow_dispatch: "GitHub Actions workflow (workflow_dispatch)",
  github_deployment: "GitHub deployment",
  gitlab_pipeline: "GitLab pipeline",
  azure_pipeline_run: "Azure DevOps pipeline run",
};
const WORKFLOW_LABEL: Partial<Record<Kind, string>> = {
  github_workflow_dispatch: "Workflow file",
  azure_pipeline_run: "Pipeline id",
};

type Draft = {
  kind: Kind;
  connectionId: string;
  repository: string;
  workflow: string;
  ref: string;
  providerEnvironment: string;
  inputs: string;
};

function draftOf(target: DeployTargetValue | null): Draft {
  return {
    kind: target?.kind ?? "github_workflow_dispatch",
    connectionId: target?.connectionId ?? "",
    repository: target?.repository ?? "",
    workflow: target?.workflow ?? "",
    ref: target?.ref ?? "main",
    providerEnvironment: target?.providerEnvironment ?? "",
    inputs: Object.entries(target?.inputs ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join("\n"),
  };
}

/** `key=value` lines as an inputs object (blank lines skipped). */
function parseInputs(text: string): Record<string, string> | undefined {
  const entries = text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf("=");
      return at < 0 ? [line, ""] : [line.slice(0, at).trim(), line.slice(at + 1).trim()];
    });
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/**
 * Settings form for an environment's deploy target: where Tandem starts the deployment when
 * a promotion to it is approved. Validates with the server's own schema, saves through
 * PUT /api/v1/environments/{id}/deploy-target, and can unlink the environment.
 */
export function DeployTargetForm(props: {
  environmentId: string;
  environmentName: string;
  target: DeployTargetValue | null;
  connections: DeployTargetConnection[];
}) {
  const router = useRouter();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.target));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const usable = props.connections.filter((c) => c.kind === DEPLOY_TARGET_CONNECTION_KIND[draft.kind]);
  const save = useMutation({
    mutationFn: (deployTarget: unknown) =>
      fetchJson(`/api/v1/environments/${props.environmentId}/deploy-target`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ deployTarget }),
      }),
    onSuccess: (_data, deployTarget) => {
      toast.success(
        deployTarget
          ? `${props.environmentName} now deploys through its provider.`
          : `${props.environmentName} is unlinked.`,
      );
      router.refresh();
    },
    onError: (error) => toast.error(error.message),
  });

  const set = (field: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  function submit(event: React.FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!draft.connectionId) missing.connectionId = "Pick a connection.";
    if (!draft.repository.trim()) missing.repository = "Name the repository or project.";
    if (!draft.ref.trim()) missing.ref = "Name the branch or tag to deploy from.";
    if (WORKFLOW_LABEL[draft.kind] && !draft.workflow.trim())
      missing.workflow = `Give the ${WORKFLOW_LABEL[draft.kind]!.toLowerCase()}.`;
    if (draft.kind === "github_deployment" && !draft.providerEnvironment.trim()) {
      missing.providerEnvironment = "Name the GitHub environment.";
    }
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    save.mutate({
      kind: draft.kind,
      connectionId: draft.connectionId,
      repository: draft.repository.trim(),
      workflow: WORKFLOW_LABEL[draft.kind] ? draft.workflow.trim() : undefined,
      ref: draft.ref.trim(),
      providerEnvironment: draft.kind === "github_deployment" ? draft.providerEnvironment.trim() : undefined,
      inputs: parseInputs(draft.inputs),
    });
  }

  const field = (name: keyof Draft, label: string, hint?: string) => (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={`${id}-${name}`}>{label}</Label>
      <Input
        id={`${id}-${name}`}
        value={draft[name]}
        onChange={(e) => set(name)(e.target.value)}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${id}-${name}-error` : undefined}
        placeholder={hint}
      />
      {errors[name] ? (
        <p id={`${id}-${name}-error`} className="text-destructive text-xs">
          {errors[name]}
        </p>
      ) : null}
    </div>
  );

  return (
    <form
      onSubmit={submit}
      className="flex flex-col gap-4"
      aria-label={`Deploy target of ${props.environmentName}`}
    >
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${id}-kind`}>Start</Label>
        <NativeSelect id={`${id}-kind`} value={draft.kind} onChange={(e) => set("kind")(e.target.value)}>
          {DEPLOY_TARGET_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${id}-connectionId`}>Connection</Label>
        <NativeSelect
          id={`${id}-connectionId`}
          value={draft.connectionId}
          onChange={(e) => set("connectionId")(e.target.value)}
          aria-invalid={errors.connectionId ? true : undefined}
          aria-describedby={errors.connectionId ? `${id}-connectionId-error` : undefined}
        >
          <option value="">{usable.length > 0 ? "Pick a connection" : "No connection of this kind"}</option>
          {usable.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </NativeSelect>
        {errors.connectionId ? (
          <p id={`${id}-connectionId-error`} className="text-destructive text-xs">
            {errors.connectionId}
          </p>
        ) : null}
      </div>
      {field(
        "repository",
        draft.kind === "azure_pipeline_run" ? "Azure DevOps project" : "Repository",
        "owner/repo",
      )}
      {WORKFLOW_LABEL[draft.kind]
        ? field(
            "workflow",
            WORKFLOW_LABEL[draft.kind]!,
            draft.kind === "azure_pipeline_run" ? "12" : "deploy.yml",
          )
        : null}
      {field("ref", "Branch or tag", "main")}
      {draft.kind === "github_deployment"
        ? field("providerEnvironment", "GitHub environment", "production")
        : null}
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${id}-inputs`}>
          Inputs (one key=value per line; Tandem adds tandem_version and tandem_request_id)
        </Label>
        <textarea
          id={`${id}-inputs`}
          value={draft.inputs}
          onChange={(e) => set("inputs")(e.target.value)}
          rows={3}
          className="min-h-16 w-full rounded-md border border-input bg-background px-3 py-2 font-mono text-sm"
        />
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={save.isPending}>
          Save deploy target
        </Button>
        {props.target ? (
          <Button type="button" variant="outline" disabled={save.isPending} onClick={() => save.mutate(null)}>
            Unlink
          </Button>
        ) : null}
      </div>
    </form>
  );
}
