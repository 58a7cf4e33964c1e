import type * as React from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { PromotionTimelineItemDto } from "@/lib/queries/promotions";
import { formatDateTime } from "@/lib/utils/format";
import { timelineSentence } from "./timeline-sentence";

/** What happened to the request, oldest first, straight from the audit log. */
export function PromotionTimeline({
  items,
  children,
}: {
  items: PromotionTimelineItemDto[];
  /** Shown under the events, e.g. the comment form. */
  children?: React.ReactNode;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Timeline</CardTitle>
      </CardHeader>
      <CardContent>
        {items.length === 0 ? (
          <p className="text-muted-foreground text-sm">No recorded events yet.</p>
        ) : (
          <ol className="relative flex flex-col gap-3 border-l pl-4" data-testid="promotion-timeline">
            {items.map((item) => (
              <li key={item.id} className="text-sm" data-action={item.action}>
                <span
                  aria-hidden="true"
                  className="absolute -left-[4.5px] mt-1.5 size-2 rounded-full bg-muted-foreground"
                />
                <p>
                  <span className="font-medium">{item.actorLabel}</span>{" "}
                  {timelineSentence(item.action, item.data)}
                </p>
                <time dateTime={item.at} className="text-muted-foreground text-xs">
                  {formatDateTime(item.at)}
                </time>
              </li>
            ))}
          </ol>
        )}
        {children ? <div className="mt-4">{children}</div> : null}
      </CardContent>
    </Card>
  );
}
