import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env, isDemoMode } from "@/lib/env";

let cached: string | undefined;

/**
 * The key that signs session cookies. Production mode requires NEXTAUTH_SECRET (env.ts
 * refuses to start without it); demo mode keeps a generated one in the data folder so
 * sessions survive restarts without any configuration.
 */
export function authSecret(): string {
  if (cached) return cached;
  const e = env();
  if (e.NEXTAUTH_SECRET) {
    cached = e.NEXTAUTH_SECRET;
    return cached;
  }
  if (!isDemoMode(e) && e.NODE_ENV === "production") {
    throw new Error("NEXTAUTH_SECRET is required in production mode");
  }
  const file = path.resolve(e.TANDEM_DATA_DIR, "auth-secret");
  try {
    cached = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    cached = randomBytes(32).toString("base64url");
    fs.writeFileSync(file, cached, { mode: 0o600 });
  }
  return cached;
}
