// `npm run worker`: job workers without the web server, for scale-out on a shared Postgres.
import { openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { startJobs } from "@/lib/jobs/start";
import { logger } from "@/lib/log";

const e = env();
if (!e.DATABASE_URL) {
  console.error(
    "npm run worker needs DATABASE_URL: separate workers share a Postgres server with the web instances. " +
      "On the embedded database the web process runs the jobs itself.",
  );
  process.exit(1);
}
const handle = await openDatabase({ url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE });
await migrateDatabase(handle);
const boss = await startJobs(handle, { workers: true });
logger.info("worker running; Ctrl-C to stop");

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    logger.info({ signal }, "worker stopping");
    await boss.stop({ graceful: true, timeout: 20_000 });
    await handle.close();
    process.exit(0);
  });
}
