"use client";

import { AlertTriangle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** Any failed read in the dashboard lands here with a way to try again. */
export default function DashboardError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <EmptyState
      icon={AlertTriangle}
      title="This page could not load"
      description={
        error.digest
          ? `Reference ${error.digest}. Try again, or check the server logs.`
          : "Try again in a moment."
      }
      action={<Button onClick={reset}>Try again</Button>}
    />
  );
}
