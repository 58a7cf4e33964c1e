"use client";

import { Eye, RefreshCw } from "lucide-react";
import { useId, useState, useTransition } from "react";
import { CopyButton } from "@/components/connections/copy-button";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";
import type { CiConnectionKind } from "@/lib/connections/kinds";
import { revealWebhookSecretAction, rotateWebhookSecretAction } from "../../actions";
import { SetupSteps } from "./setup-steps";

export type WebhookPanelProps = {
  connectionId: string;
  kind: CiConnectionKind;
  webhookUrl: string;
  canWrite: boolean;
};

/** The webhook URL and secret (revealed on request, audited) with the provider's setup steps. */
export function WebhookPanel({ connectionId, kind, webhookUrl, canWrite }: WebhookPanelProps) {
  const id = useId();
  const [secret, setSecret] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function reveal() {
    startTransition(async () => {
      const result = await revealWebhookSecretAction({ id: connectionId });
      if (result.ok) setSecret(result.webhookSecret);
      else toast.error("Could not reveal the secret", { description: result.error });
    });
  }

  function rotate() {
    startTransition(async () => {
      const result = await rotateWebhookSecretAction({ id: connectionId });
      if (!result.ok) {
        toast.error("Could not rotate the secret", { description: result.error });
        return;
      }
      setSecret(result.webhookSecret);
      toast.success(
        "New webhook secret created. Update it at the provider now; the old one no longer works.",
      );
    });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Webhook</CardTitle>
        <CardDescription>The provider tells Tandem about runs as they happen.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-5">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-url`}>Webhook URL</Label>
          <div className="flex gap-2">
            <Input
              id={`${id}-url`}
              readOnly
              value={webhookUrl}
              className="font-mono text-xs"
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton value={webhookUrl} what="webhook URL" />
          </div>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-secret`}>Webhook secret</Label>
          <div className="flex flex-wrap gap-2">
            <Input
              id={`${id}-secret`}
              readOnly
              value={secret ?? ""}
              placeholder="Hidden until you reveal it"
              className="min-w-0 flex-1 font-mono text-xs"
              data-testid="webhook-secret"
              aria-describedby={`${id}-secret-hint`}
              onFocus={(e) => e.currentTarget.select()}
            />
            {secret ? (
              <CopyButton value={secret} what="webhook secret" />
            ) : (
              <Button variant="outline" onClick={reveal} disabled={!canWrite || pending}>
                <Eye aria-hidden="true" />
                Reveal secret
              </Button>
            )}
            {canWrite ? (
              <Button variant="ghost" onClick={rotate} disabled={pending}>
                <RefreshCw aria-hidden="true" />
                Rotate
              </Button>
            ) : null}
          </div>
          <p id={`${id}-secret-hint`} className="text-muted-foreground text-xs">
            Every reveal is recorded in the audit log. Rotating breaks deliveries until the provider has the
            new one.
          </p>
        </div>
        <div className="flex flex-col gap-2">
          <h3 className="font-medium text-sm">Set it up</h3>
          <SetupSteps kind={kind} />
        </div>
      </CardContent>
    </Card>
  );
}
