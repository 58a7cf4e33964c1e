import type * as React from "react";
import type { CiConnectionKind } from "@/lib/connections/kinds";

function Code({ children }: { children: React.ReactNode }) {
  return <code className="rounded bg-muted px-1 py-0.5 font-mono text-xs">{children}</code>;
}

const STEPS: Record<CiConnectionKind, React.ReactNode[]> = {
  github: [
    <>
      In the repository (or organisation) on GitHub, open <strong>Settings → Webhooks → Add webhook</strong>.
    </>,
    <>
      Set <strong>Payload URL</strong> to the webhook URL above.
    </>,
    <>
      Set <strong>Content type</strong> to <Code>application/json</Code>.
    </>,
    <>
      Paste the webhook secret into <strong>Secret</strong> (use “Reveal secret” above, then Copy).
    </>,
    <>
      Choose <strong>Let me select individual events</strong> and tick <strong>Workflow runs</strong>,{" "}
      <strong>Workflow jobs</strong>, <strong>Deployments</strong> and <strong>Deployment statuses</strong>.
    </>,
    <>
      Keep <strong>Active</strong> ticked and press <strong>Add webhook</strong>. GitHub sends a ping; it
      shows up in the delivery log below.
    </>,
  ],
  gitlab: [
    <>
      In the GitLab project (or group), open <strong>Settings → Webhooks → Add new webhook</strong>.
    </>,
    <>
      Set <strong>URL</strong> to the webhook URL above.
    </>,
    <>
      Paste the webhook secret into <strong>Secret token</strong>; GitLab sends it as{" "}
      <Code>X-Gitlab-Token</Code>.
    </>,
    <>
      Under <strong>Trigger</strong>, tick <strong>Pipeline events</strong>, <strong>Job events</strong> and{" "}
      <strong>Deployment events</strong>.
    </>,
    <>
      Keep SSL verification on, press <strong>Add webhook</strong>, then{" "}
      <strong>Test → Pipeline events</strong> to see a delivery below.
    </>,
  ],
  azure_devops: [
    <>
      In the Azure DevOps project, open{" "}
      <strong>Project settings → Service hooks → Create subscription</strong> and choose{" "}
      <strong>Web Hooks</strong>.
    </>,
    <>
      Create one subscription for <strong>Build completed</strong> and one for{" "}
      <strong>Run state changed</strong> (add <strong>Run stage state changed</strong> and{" "}
      <strong>Run job state changed</strong> for stage and job detail).
    </>,
    <>
      Set <strong>URL</strong> to the webhook URL above.
    </>,
    <>
      Under basic authentication, enter any <strong>Username</strong> (e.g. <Code>tandem</Code>) and the
      webhook secret as the <strong>Password</strong>.
    </>,
    <>
      Keep <strong>Resource details to send</strong> at <strong>All</strong>, press <strong>Test</strong>,
      then <strong>Finish</strong>.
    </>,
  ],
};

/** Step-by-step webhook setup for one provider, written against its own settings screens. */
export function SetupSteps({ kind }: { kind: CiConnectionKind }) {
  return (
    <ol className="ml-5 list-decimal space-y-2 text-sm leading-relaxed marker:text-muted-foreground">
      {STEPS[kind].map((step, index) => (
        <li key={index}>{step}</li>
      ))}
    </ol>
  );
}
