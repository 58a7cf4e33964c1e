import { z } from "zod";
import { apiRoute, readQuery } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { readSeriesJson } from "@/lib/monitoring/read-series";

const DAY_MS = 24 * 60 * 60 * 1000;

const query = z.object({
  ids: z
    .string()
    .min(1)
    .transform((ids) => ids.split(",").filter(Boolean)),
  from: z.string().optional(),
  to: z.string().optional(),
  maxPoints: z.string().optional(),
});

/** Epoch milliseconds stay numbers; anything else is left for the verb to parse (or reject). */
const time = (value: string): number | string => (/^\d{1,15}$/.test(value) ? Number(value) : value);

/**
 * `GET /api/v1/series/points?ids=a,b&from=&to=&maxPoints=`: per bucket
 * `[start epoch ms, min, max, avg, count]` (arrays: a third of the bytes of objects), at most maxPoints (default 1,000) buckets per series; `to` defaults to now and
 * `from` to a day before `to`; both take ISO 8601 or epoch milliseconds. Empty buckets are left out: a gap, never a zero.
 */
export const GET = apiRoute("monitoring:read", async ({ request, actor }) => {
  const input = readQuery(request, query);
  const to = input.to === undefined ? Date.now() : time(input.to);
  const from = input.from === undefined ? (typeof to === "number" ? to - DAY_MS : "") : time(input.from);
  const body = await readSeriesJson(
    { db: await getDb(), actor },
    { seriesIds: input.ids, from, to, maxPoints: input.maxPoints ?? 1000 },
  );
  // Postgres wrote the JSON; passing the text through skips a parse and a stringify.
  return new Response(body, { headers: { "content-type": "application/json" } });
});
