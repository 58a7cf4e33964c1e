"use client";

import { useQueryClient } from "@tanstack/react-query";
import { RotateCcw } from "lucide-react";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { queryKeys } from "@/lib/queries/keys";
import { replayDeliveryAction } from "../../actions";

/** Re-runs normalization of one stored delivery and refreshes the log. */
export function ReplayButton({ connectionId, deliveryId }: { connectionId: string; deliveryId: number }) {
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  function replay() {
    startTransition(async () => {
      const result = await replayDeliveryAction({ deliveryId });
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      toast.success(`Replayed: ${result.outcome}${result.error ? ` (${result.error})` : ""}`);
      await queryClient.invalidateQueries({ queryKey: queryKeys.connections.deliveries(connectionId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.connections.health(connectionId) });
    });
  }
  return (
    <Button
      variant="ghost"
      size="sm"
      onClick={replay}
      disabled={pending}
      aria-label={`Replay delivery ${deliveryId}`}
    >
      <RotateCcw aria-hidden="true" />
      {pending ? "Replaying…" : "Replay"}
    </Button>
  );
}
