"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { useSearchParamUpdater } from "@/components/layout/use-search-param-updater";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/**
 * Free-text filters applied on submit (Enter or "Apply"), not per keystroke, so typing
 * does not fire a navigation for every letter. Both live in the URL.
 */
export function AuditFilters() {
  const actionId = useId();
  const actorId = useId();
  const searchParams = useSearchParams();
  const update = useSearchParamUpdater();
  const urlAction = searchParams.get("action") ?? "";
  const urlActor = searchParams.get("actor") ?? "";
  const [action, setAction] = useState(urlAction);
  const [actor, setActor] = useState(urlActor);
  // Back/forward changes the URL under the form; follow it.
  useEffect(() => setAction(urlAction), [urlAction]);
  useEffect(() => setActor(urlActor), [urlActor]);

  return (
    <form
      aria-label="Filter the audit log"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        update({ action: action.trim() || null, actor: actor.trim() || null });
      }}
    >
      <div className="flex w-56 flex-col gap-1.5">
        <label htmlFor={actionId} className="font-medium text-muted-foreground text-xs">
          Action starts with
        </label>
        <Input
          id={actionId}
          value={action}
          onChange={(e) => setAction(e.target.value)}
          placeholder="e.g. promotion or user.update"
          maxLength={100}
          data-testid="filter-action"
        />
      </div>
      <div className="flex w-56 flex-col gap-1.5">
        <label htmlFor={actorId} className="font-medium text-muted-foreground text-xs">
          Actor contains
        </label>
        <Input
          id={actorId}
          value={actor}
          onChange={(e) => setActor(e.target.value)}
          placeholder="e.g. admin@tandem.local"
          maxLength={200}
          data-testid="filter-actor"
        />
      </div>
      <Button type="submit" variant="secondary">
        Apply
      </Button>
      {urlAction || urlActor ? (
        <Button type="button" variant="ghost" onClick={() => update({ action: null, actor: null })}>
          Clear filters
        </Button>
      ) : null}
    </form>
  );
}
