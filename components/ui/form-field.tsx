import type * as React from "react";
import { Label } from "@/components/ui/label";

/** A labelled control whose hint and error are announced through aria-describedby. */
export function Field(props: {
  id: string;
  label: string;
  hint?: React.ReactNode;
  error?: string;
  children: (describedBy: string | undefined) => React.ReactNode;
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const errorId = props.error ? `${props.id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={props.id}>{props.label}</Label>
      {props.children(describedBy)}
      {props.hint ? (
        <p id={hintId} className="text-muted-foreground text-xs">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={errorId} className="text-destructive text-xs">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
