"use client";

import { Search } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { useSearchParamUpdater } from "@/components/layout/use-search-param-updater";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** The search param holding part of a model's name. */
export const MODEL_SEARCH_PARAM = "q";

/**
 * Search models by name. Applies on submit (Enter or the button) so typing does not navigate
 * per keystroke; the text lives in the URL (?q=) so a search can be linked and reloaded.
 */
export function ModelSearch() {
  const id = useId();
  const searchParams = useSearchParams();
  const update = useSearchParamUpdater();
  const inUrl = searchParams.get(MODEL_SEARCH_PARAM) ?? "";
  const [text, setText] = useState(inUrl);
  useEffect(() => setText(inUrl), [inUrl]);

  return (
    <form
      aria-label="Search models"
      className="flex items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        update({ [MODEL_SEARCH_PARAM]: text.trim() || null });
      }}
    >
      <div className="flex w-64 flex-col gap-1.5">
        <label htmlFor={id} className="font-medium text-muted-foreground text-xs">
          Name
        </label>
        <Input
          id={id}
          type="search"
          value={text}
          placeholder="e.g. ranker"
          maxLength={200}
          data-testid="model-search"
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <Button type="submit" variant="outline">
        <Search aria-hidden="true" />
        Search
      </Button>
    </form>
  );
}
