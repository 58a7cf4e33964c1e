import "server-only";
import { and, asc, desc, eq, inArray, ne, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { AppError, parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import { nowOf, type ServiceContext } from "@/lib/context";
import type { Page } from "@/lib/db/keyset";
import { alertRules, alerts, environments, metricSeries, projects } from "@/lib/db/schema";
import { alertStateEnum, severityEnum } from "@/lib/db/schema/enums";
import { withinActorScope } from "@/lib/projects/within-actor-scope";

const DAY_MS = 24 * 60 * 60 * 1000;

export const listAlertsInput = z.object({
  projectIds: z.array(z.string()).nullable().default(null),
  state: z.enum(alertStateEnum.enumValues).optional(),
  severity: z.enum(severityEnum.enumValues).optional(),
  /** One rule's alerts only: its history. */
  ruleId: z.uuid().optional(),
  /** How far back resolved alerts are still shown; firing and pending ones always are. */
  resolvedWithinMs: z
    .number()
    .int()
    .positive()
    .max(366 * DAY_MS)
    .default(7 * DAY_MS),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(25),
});
export type ListAlertsInput = z.input<typeof listAlertsInput>;

export type AlertState = (typeof alertStateEnum.enumValues)[number];
export type AlertSeverity = (typeof severityEnum.enumValues)[number];

export type AlertListItem = {
  id: string;
  ruleId: string;
  ruleName: string;
  severity: AlertSeverity;
  state: AlertState;
  projectSlug: string;
  projectName: string;
  environmentName: string | null;
  seriesName: string;
  unit: string | null;
  value: number | null;
  comparator: "gt" | "lt";
  threshold: number;
  /** When the alert entered its current state (fired, started pending, or resolved). */
  since: Date;
};

// The list is ordered by state first (firing, pending, resolved), then newest first, so
// the shared (at, id) cursor is not enough: this one also carries the state's rank.
const cursorSchema = z.object({
  rank: z.number().int().min(0).max(2),
  at: z.iso.datetime({ offset: true }),
  id: z.uuid(),
});
type AlertCursor = z.infer<typeof cursorSchema>;

function encodeAlertCursor(cursor: AlertCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeAlertCursor(value: string | undefined): AlertCursor | null {
  if (!value) return null;
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
  } catch {
    throw new AppError("invalid_request", "The cursor is not valid; start again from the first page.");
  }
}

const rank = sql<number>`(case ${alerts.state} when 'firing' then 0 when 'pending' then 1 else 2 end)`;
const since = sql<Date>`(case ${alerts.state}
  when 'firing' then coalesce(${alerts.firedAt}, ${alerts.startedAt})
  when 'resolved' then coalesce(${alerts.resolvedAt}, ${alerts.startedAt})
  else ${alerts.startedAt} end)`;

function afterAlertCursor(cursor: AlertCursor | null): SQL | undefined {
  if (!cursor) return undefined;
  return or(
    sql`${rank} > ${cursor.rank}`,
    and(
      sql`${rank} = ${cursor.rank}`,
      sql`(${since}, ${alerts.id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`,
    ),
  );
}

/** Alerts that need attention first: firing, then pending, then recently resolved, newest first within each. */
export async function listAlerts(
  ctx: ServiceContext,
  rawInput: ListAlertsInput = {},
): Promise<Page<AlertListItem>> {
  assertCan(ctx.actor, "monitoring:read");
  const input = parseInput(listAlertsInput, rawInput);
  const cursor = decodeAlertCursor(input.cursor);
  const projectIds = withinActorScope(ctx.actor, input.projectIds);
  const resolvedAfter = new Date(nowOf(ctx).getTime() - input.resolvedWithinMs);
  const rows = await ctx.db
    .select({
      id: alerts.id,
      ruleId: alerts.ruleId,
      ruleName: alertRules.name,
      severity: alertRules.severity,
      state: alerts.state,
      projectSlug: projects.slug,
      projectName: projects.name,
      environmentName: environments.name,
      seriesName: metricSeries.name,
      unit: metricSeries.unit,
      value: alerts.value,
      comparator: alertRules.comparator,
      threshold: alertRules.threshold,
      since: since.mapWith(alerts.startedAt),
      rank: rank.mapWith(Number),
    })
    .from(alerts)
    .innerJoin(alertRules, eq(alertRules.id, alerts.ruleId))
    .innerJoin(metricSeries, eq(metricSeries.id, alertRules.seriesId))
    .innerJoin(projects, eq(projects.id, alerts.projectId))
    .leftJoin(environments, eq(environments.id, alerts.environmentId))
    .where(
      and(
        projectIds ? inArray(alerts.projectId, projectIds) : undefined,
        input.state ? eq(alerts.state, input.state) : undefined,
        input.severity ? eq(alertRules.severity, input.severity) : undefined,
        input.ruleId ? eq(alerts.ruleId, input.ruleId) : undefined,
        or(
          ne(alerts.state, "resolved"),
          sql`coalesce(${alerts.resolvedAt}, ${alerts.startedAt}) >= ${resolvedAfter.toISOString()}::timestamptz`,
        ),
        afterAlertCursor(cursor),
      ),
    )
    .orderBy(asc(rank), desc(since), desc(alerts.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items: items.map(({ rank: _rank, ...item }) => item),
    nextCursor:
      rows.length > input.limit && last
        ? encodeAlertCursor({ rank: last.rank, at: last.since.toISOString(), id: last.id })
        : null,
  };
}
