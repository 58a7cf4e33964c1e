import "server-only";
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { z } from "zod";
import { AppError, parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import type { Page } from "@/lib/db/keyset";
import { environments, metricSeries, projects } from "@/lib/db/schema";
import { seriesKindEnum } from "@/lib/db/schema/enums";
import { withinActorScope } from "@/lib/projects/within-actor-scope";
import { METRIC_NAME } from "./ingest/batch-schema";

export const listSeriesInput = z.object({
  projectIds: z.array(z.string()).nullable().default(null),
  name: z.string().regex(METRIC_NAME, "not a metric name").optional(),
  environment: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
    .optional(),
  kind: z.enum(seriesKindEnum.enumValues).optional(),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListSeriesInput = z.input<typeof listSeriesInput>;

export type SeriesListItem = {
  id: string;
  key: string;
  name: string;
  kind: "service" | "model";
  unit: string | null;
  labels: Record<string, string>;
  projectSlug: string;
  environmentSlug: string | null;
  modelVersionId: string | null;
  createdAt: Date;
};

// Series are listed by canonical key, which is unique, so the cursor is the last key.
const encodeKey = (key: string) => Buffer.from(key).toString("base64url");
function decodeKey(cursor: string | undefined): string | null {
  if (!cursor) return null;
  const key = Buffer.from(cursor, "base64url").toString("utf8");
  if (!/^[a-zA-Z_:][a-zA-Z0-9_:.]*\{/.test(key)) {
    throw new AppError("invalid_request", "The cursor is not valid; start again from the first page.");
  }
  return key;
}

/** Series in scope with their labels, by key: what a chart picker or a PromQL-style lookup needs. */
export async function listSeries(
  ctx: ServiceContext,
  rawInput: ListSeriesInput = {},
): Promise<Page<SeriesListItem>> {
  assertCan(ctx.actor, "monitoring:read");
  const input = parseInput(listSeriesInput, rawInput);
  const after = decodeKey(input.cursor);
  const projectIds = withinActorScope(ctx.actor, input.projectIds);
  const rows = await ctx.db
    .select({
      id: metricSeries.id,
      key: metricSeries.key,
      name: metricSeries.name,
      kind: metricSeries.kind,
      unit: metricSeries.unit,
      labels: metricSeries.labels,
      projectSlug: projects.slug,
      environmentSlug: environments.slug,
      modelVersionId: metricSeries.modelVersionId,
      createdAt: metricSeries.createdAt,
    })
    .from(metricSeries)
    .innerJoin(projects, eq(projects.id, metricSeries.projectId))
    .leftJoin(environments, eq(environments.id, metricSeries.environmentId))
    .where(
      and(
        projectIds ? inArray(metricSeries.projectId, projectIds) : undefined,
        input.name ? eq(metricSeries.name, input.name) : undefined,
        input.environment ? eq(environments.slug, input.environment) : undefined,
        input.kind ? eq(metricSeries.kind, input.kind) : undefined,
        after ? gt(metricSeries.key, after) : undefined,
      ),
    )
    .orderBy(asc(metricSeries.key))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encodeKey(last.key) : null };
}
