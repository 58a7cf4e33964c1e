import "server-only";
import { randomBytes } from "node:crypto";

/** A fresh webhook secret: 32 random bytes, base64url (43 characters, safe in any header). */
export function generateWebhookSecret(): string {
  return randomBytes(32).toString("base64url");
}
