import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { AppError } from "@/lib/api/errors";
import type { Actor } from "@/lib/auth/actor";
import type { Transaction } from "@/lib/db/client";
import { environments, metricSeries, models, modelVersions, projects } from "@/lib/db/schema";
import type { NormalizedSeries } from "./normalize-batch";

export type ResolvedSeries = NormalizedSeries & { id: string; projectId: string; created: boolean };

/** Project id per slug, limited to what the actor may see; an unknown or hidden slug is a 400 naming it. */
async function projectIdsBySlug(tx: Transaction, actor: Actor, batch: NormalizedSeries[]) {
  const slugs = [...new Set(batch.map((s) => s.labels.project!))];
  const rows = await tx
    .select({ id: projects.id, slug: projects.slug })
    .from(projects)
    .where(inArray(projects.slug, slugs));
  const visible = new Map(
    rows.filter((p) => !actor.projectIds || actor.projectIds.includes(p.id)).map((p) => [p.slug, p.id]),
  );
  for (const series of batch) {
    const slug = series.labels.project!;
    if (!visible.has(slug)) {
      // Hidden and missing read the same, so a limited token cannot probe other projects.
      const reason = `unknown project "${slug}"`;
      throw new AppError("invalid_request", `Series ${series.index}: ${reason}.`, {
        series: series.index,
        reason,
      });
    }
  }
  return visible;
}

/** Environment ids by `${projectId}/${slug}`; an unknown environment label simply links nothing. */
async function environmentIds(tx: Transaction, projectIds: string[], batch: NormalizedSeries[]) {
  const slugs = [...new Set(batch.flatMap((s) => (s.labels.environment ? [s.labels.environment] : [])))];
  if (slugs.length === 0) return new Map<string, string>();
  const rows = await tx
    .select({ id: environments.id, projectId: environments.projectId, slug: environments.slug })
    .from(environments)
    .where(and(inArray(environments.projectId, projectIds), inArray(environments.slug, slugs)));
  return new Map(rows.map((e) => [`${e.projectId}/${e.slug}`, e.id]));
}

/** "3" or "v3" to 3; anything else is not a registry version number. */
function versionNumber(label: string | undefined): number | null {
  const match = label ? /^v?(\d{1,9})$/i.exec(label) : null;
  return match ? Number(match[1]) : null;
}

/** Model version ids by `${projectId}/${model}/${version}` for series labelled with both. */
async function modelVersionIds(tx: Transaction, projectIds: string[], batch: NormalizedSeries[]) {
  const names = [...new Set(batch.flatMap((s) => (s.labels.model ? [s.labels.model] : [])))];
  if (names.length === 0) return new Map<string, string>();
  const rows = await tx
    .select({
      id: modelVersions.id,
      projectId: models.projectId,
      name: models.name,
      version: modelVersions.version,
    })
    .from(modelVersions)
    .innerJoin(models, eq(models.id, modelVersions.modelId))
    .where(and(inArray(models.projectId, projectIds), inArray(models.name, names)));
  return new Map(rows.map((v) => [`${v.projectId}/${v.name}/${v.version}`, v.id]));
}

/**
 * Finds or creates every series of a batch by its canonical key, inside the ingest
 * transaction: projects by slug (required, visible to the actor), environments by slug and
 * model versions by model+version labels (optional links). New series are inserted with
 * ON CONFLICT DO NOTHING in key order, so concurrent batches neither fail nor deadlock.
 */
export async function resolveSeries(
  tx: Transaction,
  actor: Actor,
  batch: NormalizedSeries[],
): Promise<ResolvedSeries[]> {
  const projectIds = await projectIdsBySlug(tx, actor, batch);
  const ids = [...new Set(projectIds.values())];
  const envIds = await environmentIds(tx, ids, batch);
  const versionIds = await modelVersionIds(tx, ids, batch);
  const rows = batch.map((s) => {
    const projectId = projectIds.get(s.labels.project!)!;
    const version = versionNumber(s.labels.version);
    return {
      key: s.key,
      name: s.name,
      kind: s.kind,
      unit: s.unit,
      labels: s.labels,
      projectId,
      environmentId: envIds.get(`${projectId}/${s.labels.environment}`) ?? null,
      modelVersionId:
        version === null ? null : (versionIds.get(`${projectId}/${s.labels.model}/${version}`) ?? null),
    };
  });
  const created = new Set<string>();
  // 8 parameters a row; Postgres allows 65,535 per statement.
  for (let i = 0; i < rows.length; i += 1000) {
    const inserted = await tx
      .insert(metricSeries)
      .values(rows.slice(i, i + 1000))
      .onConflictDoNothing({ target: metricSeries.key })
      .returning({ key: metricSeries.key });
    for (const row of inserted) created.add(row.key);
  }
  const keys = rows.map((r) => r.key);
  const stored = new Map<string, typeof metricSeries.$inferSelect>();
  for (let i = 0; i < keys.length; i += 5000) {
    // FOR KEY SHARE is what a foreign key check would take: metric_points has none, and
    // this keeps the series from being deleted until the points are committed.
    const found = await tx
      .select()
      .from(metricSeries)
      .where(inArray(metricSeries.key, keys.slice(i, i + 5000)))
      .for("key share");
    for (const row of found) stored.set(row.key, row);
  }
  const resolved: ResolvedSeries[] = [];
  for (const [i, series] of batch.entries()) {
    const want = rows[i]!;
    const row = stored.get(series.key);
    if (!row || row.projectId !== want.projectId) {
      throw new AppError("conflict", `Series ${series.index}: its key belongs to another project.`, {
        series: series.index,
        reason: "key taken by another project",
      });
    }
    await fillLinks(tx, row, want);
    resolved.push({ ...series, id: row.id, projectId: row.projectId, created: created.has(series.key) });
  }
  return resolved;
}

/** Links an existing series to an environment or model version that now exists, and takes a new unit. */
async function fillLinks(
  tx: Transaction,
  row: typeof metricSeries.$inferSelect,
  want: { environmentId: string | null; modelVersionId: string | null; unit: string | null },
): Promise<void> {
  const patch = {
    ...(want.environmentId && !row.environmentId ? { environmentId: want.environmentId } : {}),
    ...(want.modelVersionId && !row.modelVersionId ? { modelVersionId: want.modelVersionId } : {}),
    ...(want.unit && want.unit !== row.unit ? { unit: want.unit } : {}),
  };
  // Only when something changed: an UPDATE locks the row and would serialise concurrent batches.
  if (Object.keys(patch).length > 0)
    await tx.update(metricSeries).set(patch).where(eq(metricSeries.id, row.id));
}
