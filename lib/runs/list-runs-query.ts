import { z } from "zod";
import { TIME_RANGE_OPTIONS, type TimeRangeKey } from "@/lib/utils/time-range";
import { listRunsInput } from "./list-runs";

const RANGE_KEYS = TIME_RANGE_OPTIONS.map((o) => o.key) as [TimeRangeKey, ...TimeRangeKey[]];

/** `GET /api/v1/runs` query: the list filters plus the project slug and a relative range. */
export const listRunsQuery = listRunsInput
  .pick({
    status: true,
    provider: true,
    pipeline: true,
    branch: true,
    kind: true,
    actor: true,
    cursor: true,
    limit: true,
  })
  .extend({
    project: z.string().optional().describe("A project slug."),
    range: z.enum(RANGE_KEYS).optional().describe("Only runs queued within this window (ends now)."),
  });

/** The start of a `?range=` window ending now, or undefined when no range was asked for. */
export function sinceOfRange(range: TimeRangeKey | null | undefined, now = Date.now()): Date | undefined {
  const option = TIME_RANGE_OPTIONS.find((o) => o.key === range);
  return option ? new Date(now - option.ms) : undefined;
}
