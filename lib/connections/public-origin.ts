import "server-only";
import { env } from "@/lib/env";

/**
 * Tandem's public address for URLs handed to providers (webhook URLs): NEXTAUTH_URL when
 * configured, because behind a proxy the request's own host may be an internal name;
 * otherwise the forwarded or direct host of the request.
 */
export function publicOrigin(headers: Pick<Headers, "get">): string {
  const configured = env().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost:3000";
  const proto =
    headers.get("x-forwarded-proto") ?? (/^(localhost|127\.0\.0\.1)(:|$)/.test(host) ? "http" : "https");
  return `${proto.split(",")[0]!.trim()}://${host.split(",")[0]!.trim()}`;
}
