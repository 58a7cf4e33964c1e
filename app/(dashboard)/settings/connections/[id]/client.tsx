"use client";

import { ArrowLeft, PlugZap, Power } from "lucide-react";
import Link from "next/link";
import { useState, useTransition } from "react";
import { ConnectionEnabledBadge, ConnectionKindBadge } from "@/components/connections/connection-badges";
import { ProbeResultView } from "@/components/connections/probe-result";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { toast } from "@/components/ui/toast";
import type { ConnectionDetail } from "@/lib/connections/get-connection";
import { isManagedConnectionKind, kindLabel } from "@/lib/connections/kinds";
import type { TestConnectionResult } from "@/lib/connections/test-connection";
import type { ConnectionHealthDto, DeliveryPageDto } from "@/lib/queries/connections";
import type { Jsonify } from "@/lib/queries/fetch-json";
import type { SyncStatusDto } from "@/lib/queries/sync";
import type { ProjectOption } from "../_components/repository-mapping-fields";
import { testConnectionAction, updateConnectionAction } from "../actions";
import { DeleteConnectionDialog } from "./_components/delete-connection-dialog";
import { DeliveryLog } from "./_components/delivery-log";
import { EditConnectionForm } from "./_components/edit-connection-form";
import { EditPullConnectionForm } from "./_components/edit-pull-connection-form";
import { SyncCard } from "./_components/sync-card";
import { WebhookPanel } from "./_components/webhook-panel";

export type ConnectionDetailClientProps = {
  connection: Jsonify<ConnectionDetail>;
  health: ConnectionHealthDto;
  deliveries: DeliveryPageDto;
  sync: SyncStatusDto;
  projects: ProjectOption[];
  canWrite: boolean;
};

/** One connection: test it, enable or disable it, set up its webhook, edit it, sync it, watch its deliveries. */
export function ConnectionDetailClient({
  connection,
  health,
  deliveries,
  sync,
  projects,
  canWrite,
}: ConnectionDetailClientProps) {
  const [testResult, setTestResult] = useState<Jsonify<TestConnectionResult> | null>(null);
  const [testing, startTest] = useTransition();
  const [toggling, startToggle] = useTransition();
  const kind = connection.kind;

  function test() {
    startTest(async () => {
      const response = await testConnectionAction({ id: connection.id });
      if (!response.ok) {
        toast.error("Could not test the connection", { description: response.error });
        return;
      }
      setTestResult(JSON.parse(JSON.stringify(response.result)));
      if (response.result.ok) toast.success("The connection works.");
      else
        toast.error("The test found problems", { description: response.result.error ?? "See the results." });
    });
  }

  function toggle() {
    startToggle(async () => {
      const result = await updateConnectionAction({ id: connection.id, enabled: !connection.enabled });
      if (result.ok)
        toast.success(
          connection.enabled
            ? `Disabled “${connection.name}”: its webhooks are refused.`
            : `Enabled “${connection.name}”.`,
        );
      else toast.error("Could not change the connection", { description: result.error });
    });
  }

  return (
    <section aria-labelledby="connection-heading" className="flex flex-col gap-4">
      <Link
        href="/settings/connections"
        className="inline-flex w-fit items-center gap-1 text-muted-foreground text-sm hover:text-foreground"
      >
        <ArrowLeft className="size-4" aria-hidden="true" />
        All connections
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-1.5">
          <h2 id="connection-heading" className="font-semibold text-xl">
            {connection.name}
          </h2>
          <div className="flex flex-wrap items-center gap-2 text-muted-foreground text-sm">
            <ConnectionKindBadge label={kindLabel(kind)} />
            <ConnectionEnabledBadge enabled={connection.enabled} />
            <span className="break-all">{connection.baseUrl}</span>
          </div>
        </div>
        {canWrite ? (
          <div className="flex flex-wrap gap-2">
            <Button onClick={test} disabled={testing || !isManagedConnectionKind(kind)}>
              <PlugZap aria-hidden="true" />
              {testing ? "Testing…" : "Test connection"}
            </Button>
            <Button variant="outline" onClick={toggle} disabled={toggling}>
              <Power aria-hidden="true" />
              {connection.enabled ? "Disable" : "Enable"}
            </Button>
            <DeleteConnectionDialog id={connection.id} name={connection.name} />
          </div>
        ) : null}
      </div>
      {testResult ? (
        <Card>
          <CardContent className="pt-5">
            <ProbeResultView result={testResult} />
          </CardContent>
        </Card>
      ) : null}
      {connection.kind === "github" || connection.kind === "gitlab" || connection.kind === "azure_devops" ? (
        <div className="grid gap-4 lg:grid-cols-2">
          {connection.webhookUrl ? (
            <WebhookPanel
              connectionId={connection.id}
              kind={connection.kind}
              webhookUrl={connection.webhookUrl}
              canWrite={canWrite}
            />
          ) : null}
          <EditConnectionForm connection={connection} projects={projects} canWrite={canWrite} />
        </div>
      ) : connection.kind === "mlflow" || connection.kind === "prometheus" ? (
        <div className="flex flex-col gap-2">
          <p className="text-muted-foreground text-sm">
            Tandem calls this {kindLabel(kind)} server on a schedule; nothing needs to be set up on its side.
          </p>
          <EditPullConnectionForm connection={connection} projects={projects} canWrite={canWrite} />
        </div>
      ) : null}
      {isManagedConnectionKind(kind) ? (
        <SyncCard connectionId={connection.id} sync={sync} canWrite={canWrite} enabled={connection.enabled} />
      ) : null}
      <DeliveryLog connectionId={connection.id} health={health} deliveries={deliveries} />
    </section>
  );
}
