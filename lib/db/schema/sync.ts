import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { connections } from "./connections";
import { syncStatusEnum } from "./enums";

/**
 * One row per thing a connection pulls (e.g. `runs:octo/api`, `deployments:group/app`,
 * `mlflow:registered-models`, `prometheus:<query id>`). The cursor is where the next pass
 * resumes after a crash (page token or URL, last seen update time, ETags), so a sync never
 * starts over and never loses its place. items_done / items_total drive the progress bar.
 */
export const syncStates = pgTable(
  "sync_states",
  {
    id: uuid().primaryKey().defaultRandom(),
    connectionId: uuid()
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    scope: text().notNull(),
    status: syncStatusEnum().notNull().default("idle"),
    cursor: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    itemsDone: integer().notNull().default(0),
    /** Null while the provider has not said how many there are. */
    itemsTotal: integer(),
    startedAt: timestamp({ withTimezone: true, precision: 3 }),
    finishedAt: timestamp({ withTimezone: true, precision: 3 }),
    lastSuccessAt: timestamp({ withTimezone: true, precision: 3 }),
    error: text(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("sync_states_connection_scope_idx").on(t.connectionId, t.scope),
    index("sync_states_status_idx").on(t.status),
  ],
);
