import { CheckCircle2, CircleDashed, XCircle } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { PromotionCheckDto } from "@/lib/queries/promotions";
import { cn } from "@/lib/utils/cn";

const LOOK = {
  passed: { Icon: CheckCircle2, className: "text-success", word: "Passed" },
  failed: { Icon: XCircle, className: "text-destructive", word: "Failed" },
  pending: { Icon: CircleDashed, className: "text-warning", word: "Pending" },
} as const;

/**
 * The gate's automatic checks with live status: an icon and a word for each, and the
 * reason under it, so a failing check says what to fix. `bypassed` marks the checks an
 * emergency request skips.
 */
export function ChecksList({
  checks,
  bypassed,
  asOfDecision = false,
}: {
  checks: PromotionCheckDto[];
  bypassed: string[];
  /** The request is decided: the checks are shown as they stood at the decision. */
  asOfDecision?: boolean;
}) {
  const failing = checks.filter((c) => c.status !== "passed").length;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Checks</CardTitle>
        <CardDescription>
          {asOfDecision ? "As they stood when the request was decided. " : null}
          {failing === 0
            ? "Every check passes."
            : `${failing} of ${checks.length} not passing${asOfDecision ? "" : " yet"}.`}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="flex flex-col divide-y" data-testid="checks-list">
          {checks.map((check) => {
            const { Icon, className, word } = LOOK[check.status];
            return (
              <li
                key={check.key}
                className="flex gap-3 py-2.5"
                data-testid="check"
                data-status={check.status}
              >
                <Icon aria-hidden="true" className={cn("mt-0.5 size-4 shrink-0", className)} />
                <div className="min-w-0 flex-1 space-y-0.5">
                  <p className="font-medium text-sm">
                    <span className="sr-only">{word}: </span>
                    {check.label}
                    {bypassed.includes(check.key) ? (
                      <span className="ml-2 font-normal text-warning text-xs">skipped (emergency)</span>
                    ) : null}
                  </p>
                  <p
                    className={cn(
                      "text-sm",
                      check.status === "failed" ? "text-destructive" : "text-muted-foreground",
                    )}
                  >
                    {check.detail}
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      </CardContent>
    </Card>
  );
}
