import { sql } from "drizzle-orm";
import { NextResponse } from "next/server";
import { getDatabaseHandle } from "@/lib/db";
import { migrationsApplied } from "@/lib/db/migrate";
import { logger } from "@/lib/log";

export const dynamic = "force-dynamic";

/** Readiness: the database answers and every migration in drizzle/ is applied. */
export async function GET() {
  try {
    const handle = await getDatabaseHandle();
    await handle.db.execute(sql`select 1`);
    const migrated = await migrationsApplied(handle);
    const body = { status: migrated ? "ready" : "migrations_pending", database: handle.kind, migrated };
    return NextResponse.json(body, { status: migrated ? 200 : 503 });
  } catch (error) {
    logger.warn({ err: error }, "readiness check failed");
    return NextResponse.json(
      { error: { code: "unavailable", message: "The database is not reachable." } },
      { status: 503 },
    );
  }
}
