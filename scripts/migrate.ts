// `npm run db:migrate`: applies drizzle/ migrations to the configured database.

import { openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { databaseTargetFromEnv } from "@/lib/db/target";

const handle = await openDatabase(databaseTargetFromEnv());
await migrateDatabase(handle);
await handle.close();
console.log(`migrations applied (${handle.kind})`);
