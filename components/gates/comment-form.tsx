"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ReasonField } from "./reason-field";

/** A comment box under the timeline; `onSubmit` resolves true when the comment was saved. */
export function CommentForm({
  onSubmit,
  busy,
}: {
  onSubmit: (body: string) => Promise<boolean>;
  busy: boolean;
}) {
  const id = useId();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      aria-label="Discussion"
      className="flex flex-col gap-2"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!body.trim()) return setError("Write a comment first.");
        setError(undefined);
        if (await onSubmit(body)) setBody("");
      }}
    >
      <ReasonField
        id={`${id}-comment`}
        // Not "Comment": the decision panel's field already has that name.
        label="Message"
        value={body}
        onChange={setBody}
        error={error}
        placeholder="Ask a question or add context for the approvers"
      />
      <div>
        <Button type="submit" size="sm" variant="secondary" disabled={busy}>
          {busy ? "Posting…" : "Post comment"}
        </Button>
      </div>
    </form>
  );
}
