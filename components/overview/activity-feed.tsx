"use client";

import { useQuery } from "@tanstack/react-query";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { ScopeFilters } from "@/lib/queries/keys";
import { type ActivityDto, overviewQueries } from "@/lib/queries/overview";
import { activitySentence } from "@/lib/utils/activity-sentence";
import { formatRelativeTime } from "@/lib/utils/format";

export function ActivityFeed({ filters, initial }: { filters: ScopeFilters; initial: ActivityDto }) {
  const { data } = useQuery({ ...overviewQueries.activity(filters), initialData: initial });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Activity</CardTitle>
      </CardHeader>
      <CardContent>
        {data.length === 0 ? (
          <EmptyState title="Nothing has happened yet" />
        ) : (
          <ol className="space-y-3" aria-label="Recent activity" data-testid="activity-feed">
            {data.map((item) => (
              <li key={item.id} className="text-sm">
                <span className="font-medium">{item.actorLabel}</span> {activitySentence(item)}
                {item.projectName ? (
                  <span className="text-muted-foreground"> in {item.projectName}</span>
                ) : null}
                <div className="text-xs text-muted-foreground">
                  <time dateTime={item.createdAt}>{formatRelativeTime(item.createdAt)}</time>
                </div>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
