"use client";

import { useId, useState } from "react";
import { useSearchParamUpdater } from "@/components/layout/use-search-param-updater";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** "YYYY-MM-DDTHH:mm" in the browser's time zone, as datetime-local inputs want it. */
function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Sets `?at=` (an ISO instant) so the board answers "what ran where at that time"; Now clears it. */
export function BoardTimePicker({ at }: { at: string | null }) {
  const id = useId();
  const update = useSearchParamUpdater();
  const [value, setValue] = useState(toLocalInput(at));
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const instant = value ? new Date(value) : null;
        update({ at: instant && !Number.isNaN(instant.getTime()) ? instant.toISOString() : null });
      }}
    >
      <div className="flex flex-col gap-1.5">
        <label htmlFor={id} className="font-medium text-muted-foreground text-xs">
          Deployed at
        </label>
        <Input
          id={id}
          type="datetime-local"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          className="w-56"
          data-testid="board-at"
        />
      </div>
      <Button type="submit" size="sm" variant="outline">
        Show
      </Button>
      {at ? (
        <Button
          type="button"
          size="sm"
          variant="ghost"
          onClick={() => {
            setValue("");
            update({ at: null });
          }}
        >
          Now
        </Button>
      ) : null}
    </form>
  );
}
