import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { notificationStatusEnum } from "./enums";

/** An outgoing webhook: Tandem POSTs signed JSON here for the events it subscribes to. */
export const notificationEndpoints = pgTable("notification_endpoints", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  url: text().notNull(),
  /** HMAC key for the X-Tandem-Signature-256 header, encrypted like connection secrets. */
  secretEncrypted: text().notNull(),
  /** Event names (`promotion.requested`, `alert.firing`, ...); empty means every event. */
  events: text().array().notNull().default([]),
  enabled: boolean().notNull().default(true),
  createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/** Each event sent to an endpoint, written in the same transaction as the change it reports. */
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    endpointId: uuid()
      .notNull()
      .references(() => notificationEndpoints.id, { onDelete: "cascade" }),
    event: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    status: notificationStatusEnum().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    responseStatus: integer(),
    error: text(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    deliveredAt: timestamp({ withTimezone: true, precision: 3 }),
  },
  (t) => [index("notification_deliveries_endpoint_created_idx").on(t.endpointId, t.createdAt.desc())],
);
