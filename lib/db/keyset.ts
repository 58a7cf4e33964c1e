import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "@/lib/api/errors";

/**
 * Position in a list sorted by (timestamp desc, id desc). Opaque to clients. Every
 * timestamp column is timestamp(3), so a JS Date holds a stored value exactly.
 */
export type Cursor = { at: Date; id: string };

const cursorSchema = z.object({ at: z.iso.datetime({ offset: true }), id: z.string().min(1).max(64) });

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ at: cursor.at.toISOString(), id: cursor.id })).toString("base64url");
}

/** Decodes a cursor from a query string; 400 for anything that is not one of ours. */
export function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value) return null;
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return { at: new Date(parsed.at), id: parsed.id };
  } catch {
    throw new AppError("invalid_request", "The cursor is not valid; start again from the first page.");
  }
}

/** Rows strictly after the cursor in (at desc, id desc) order, using the composite index. */
export function afterCursor(
  atColumn: AnyColumn,
  idColumn: AnyColumn,
  cursor: Cursor | null,
): SQL | undefined {
  if (!cursor) return undefined;
  return sql`(${atColumn}, ${idColumn}) < (${cursor.at.toISOString()}::timestamptz, ${cursor.id})`;
}

export type Page<T> = { items: T[]; nextCursor: string | null };

/** Given limit+1 fetched rows, returns the page and the cursor of its last item. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => Cursor): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
