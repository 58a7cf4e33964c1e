"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertTriangle, CheckCircle2, Hourglass, Siren } from "lucide-react";
import Link from "next/link";
import type { ScopeFilters } from "@/lib/queries/keys";
import { type OverviewHealthDto, overviewQueries } from "@/lib/queries/overview";
import { cn } from "@/lib/utils/cn";
import { formatPercent } from "@/lib/utils/format";

type CardSpec = {
  id: string;
  title: string;
  value: string;
  detail: string;
  href: string;
  tone: "good" | "bad" | "neutral";
  Icon: typeof CheckCircle2;
};

function cards(data: OverviewHealthDto, filters: ScopeFilters): CardSpec[] {
  const q = (extra: Record<string, string>) => {
    const params = new URLSearchParams({
      ...(filters.project ? { project: filters.project } : {}),
      range: filters.range,
      ...extra,
    });
    return `?${params}`;
  };
  const rate = data.successRate;
  return [
    {
      id: "success-rate",
      title: "Run success rate",
      value: formatPercent(rate),
      detail: `${data.runsSucceeded} of ${data.runsFinished} finished runs`,
      href: `/pipelines${q({})}`,
      tone: rate === null ? "neutral" : rate >= 0.9 ? "good" : "bad",
      Icon: CheckCircle2,
    },
    {
      id: "failing-pipelines",
      title: "Failing pipelines",
      value: String(data.failingPipelines.length),
      detail:
        data.failingPipelines
          .slice(0, 2)
          .map((p) => p.name)
          .join(", ") || "Every pipeline's last run passed",
      href: `/pipelines${q({ status: "failed" })}`,
      tone: data.failingPipelines.length > 0 ? "bad" : "good",
      Icon: AlertTriangle,
    },
    {
      id: "pending-approvals",
      title: "Waiting for approval",
      value: String(data.pendingApprovals),
      detail: data.pendingApprovals === 1 ? "promotion request" : "promotion requests",
      href: `/approvals${q({})}`,
      tone: "neutral",
      Icon: Hourglass,
    },
    {
      id: "firing-alerts",
      title: "Firing alerts",
      value: String(data.firingAlerts),
      detail: data.firingAlerts > 0 ? "need attention now" : "all quiet",
      href: `/monitoring${q({})}`,
      tone: data.firingAlerts > 0 ? "bad" : "good",
      Icon: Siren,
    },
  ];
}

const TONE = {
  good: "text-success",
  bad: "text-destructive",
  neutral: "text-foreground",
};

/** The four numbers to read in five seconds; each opens the list behind it. */
export function HealthCards({ filters, initial }: { filters: ScopeFilters; initial: OverviewHealthDto }) {
  const { data } = useQuery({ ...overviewQueries.health(filters), initialData: initial });
  return (
    <section aria-label="Health" className="grid grid-cols-2 gap-3 sm:gap-4 xl:grid-cols-4">
      {cards(data, filters).map(({ id, title, value, detail, href, tone, Icon }) => (
        <Link
          key={id}
          href={href}
          data-testid={`health-${id}`}
          className="group rounded-xl border bg-card p-4 shadow-sm transition-colors hover:bg-muted/50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          <div className="flex items-center justify-between text-sm text-muted-foreground">
            <span>{title}</span>
            <Icon aria-hidden="true" className={cn("size-4", TONE[tone])} />
          </div>
          <div
            className={cn("mt-2 text-3xl font-semibold tabular-nums", TONE[tone])}
            data-testid={`health-${id}-value`}
          >
            {value}
          </div>
          <p className="mt-1 truncate text-xs text-muted-foreground">{detail}</p>
        </Link>
      ))}
    </section>
  );
}
