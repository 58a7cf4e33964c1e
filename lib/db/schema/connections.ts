import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { connectionKindEnum, deliveryOutcomeEnum } from "./enums";

/** A configured provider. Credentials and webhook secrets are stored encrypted, never in clear. */
export const connections = pgTable("connections", {
  id: uuid().primaryKey().defaultRandom(),
  kind: connectionKindEnum().notNull(),
  name: text().notNull(),
  baseUrl: text().notNull(),
  credentialsEncrypted: text(),
  webhookSecretEncrypted: text(),
  /** Provider-specific settings (watched repositories, project mapping, queries). */
  config: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  enabled: boolean().notNull().default(true),
  lastDeliveryAt: timestamp({ withTimezone: true, precision: 3 }),
  lastSyncAt: timestamp({ withTimezone: true, precision: 3 }),
  lastError: text(),
  /** The provider's rate limit as of the last call (GitHub x-ratelimit-*, GitLab ratelimit-*). */
  rateLimitLimit: integer(),
  rateLimitRemaining: integer(),
  rateLimitResetAt: timestamp({ withTimezone: true, precision: 3 }),
  createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/** Every webhook delivery, stored raw before it is acknowledged; normalized later by a job. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    connectionId: uuid()
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    deliveryId: text().notNull(),
    event: text().notNull(),
    headers: jsonb().$type<Record<string, string>>().notNull().default({}),
    body: text().notNull(),
    outcome: deliveryOutcomeEnum().notNull().default("pending"),
    error: text(),
    receivedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    processedAt: timestamp({ withTimezone: true, precision: 3 }),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_connection_delivery_idx").on(t.connectionId, t.deliveryId),
    index("webhook_deliveries_connection_received_idx").on(t.connectionId, t.receivedAt.desc()),
    // The sweeper looks only for deliveries still waiting to be normalized.
    index("webhook_deliveries_pending_idx").on(t.receivedAt).where(sql`${t.outcome} = 'pending'`),
  ],
);
