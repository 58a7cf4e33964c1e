import "server-only";
import { eq } from "drizzle-orm";
import { AppError } from "@/lib/api/errors";
import type { Executor } from "@/lib/db/client";
import { connections } from "@/lib/db/schema";

/** The full row (sealed values included) for verbs that need them; 404 when missing. */
export async function loadConnectionRow(db: Executor, id: string, options: { forUpdate?: boolean } = {}) {
  const query = db.select().from(connections).where(eq(connections.id, id)).limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) throw new AppError("not_found", "Connection not found.");
  return row;
}
