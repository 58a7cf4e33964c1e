"use client";

import { Button } from "@/components/ui/button";

export type LoadMoreProps = {
  /** How many items are on screen, e.g. 50. */
  shown: number;
  /** What they are, plural, e.g. "runs". */
  noun: string;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  /** The last "Load more" failed; shown so the person can try again. */
  error?: Error | null;
};

/** The footer of a keyset-paginated list: a count, and "Load more" while the API has a next page. */
export function LoadMore({
  shown,
  noun,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  error,
}: LoadMoreProps) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 pt-4">
      <p className="text-muted-foreground text-sm" aria-live="polite">
        {hasNextPage ? `Showing the newest ${shown} ${noun}.` : `Showing all ${shown} ${noun}.`}
        {error ? <span className="ml-2 text-destructive">Could not load more: {error.message}</span> : null}
      </p>
      {hasNextPage ? (
        <Button
          variant="outline"
          size="sm"
          // aria-disabled (not disabled) keeps keyboard focus on the button while the page loads.
          aria-disabled={isFetchingNextPage || undefined}
          onClick={() => {
            if (!isFetchingNextPage) fetchNextPage();
          }}
          data-testid="load-more"
        >
          {isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      ) : null}
    </div>
  );
}
