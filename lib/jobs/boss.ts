import "server-only";
import { fromPglite, PgBoss } from "pg-boss";
import type { DatabaseHandle } from "@/lib/db/client";
import { logger } from "@/lib/log";

/** A pg-boss instance on Tandem's own database (node-postgres pool or the embedded PGlite). */
export function createBoss(handle: DatabaseHandle): PgBoss {
  const boss =
    handle.kind === "pglite"
      ? new PgBoss({ db: fromPglite(handle.pglite!), backend: "pglite", schema: "pgboss" })
      : new PgBoss({
          connectionString: handle.url!,
          schema: "pgboss",
          max: 4,
          application_name: "tandem-jobs",
        });
  boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
  return boss;
}
