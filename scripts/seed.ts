/**
 * `npm run db:seed [-- --reset]`: migrates the configured database and fills it with the
 * demo organisation. Refuses to touch a database that already has users unless --reset
 * is given, which empties every domain table first (in the same transaction).
 */
import { openDatabase } from "@/lib/db/client";
import { DataDirLockedError } from "@/lib/db/data-dir-lock";
import { migrateDatabase } from "@/lib/db/migrate";
import { hasUsers, seedDemo } from "@/lib/db/seed";
import { databaseTargetFromEnv } from "@/lib/db/target";
import { EnvError, parseEnv } from "@/lib/env";

async function main(): Promise<number> {
  const reset = process.argv.includes("--reset");
  const env = parseEnv(process.env);
  const target = databaseTargetFromEnv(env);
  const where = env.DATABASE_URL ? "Postgres (DATABASE_URL)" : `PGlite in ${env.TANDEM_DATA_DIR}`;
  const handle = await openDatabase(target);
  try {
    await migrateDatabase(handle);
    if (!reset && (await hasUsers(handle.db))) {
      console.error(
        `The database (${where}) already has users; nothing was changed.\n` +
          "Run `npm run db:seed -- --reset` to empty every table and seed the demo again.",
      );
      return 1;
    }
    const started = performance.now();
    const summary = await seedDemo(handle.db, { reset });
    const elapsed = Math.round(performance.now() - started);
    console.log(`Seeded the demo into ${where}${reset ? " after emptying it" : ""} in ${elapsed} ms:`);
    for (const [table, count] of Object.entries(summary)) console.log(`  ${table.padEnd(20)} ${count}`);
    return 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Configuration and locking problems are the user's to fix: say what, without a stack.
    const expected = error instanceof EnvError || error instanceof DataDirLockedError;
    console.error(expected ? (error as Error).message : error);
    process.exitCode = 1;
  },
);
