import type { ManagedConnectionKind } from "./kinds";

/** Loopback hosts may use plain http: local fake servers in tests and development proxies. */
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

export type BaseUrlCheck = { ok: true; url: string } | { ok: false; message: string };

/**
 * Normalizes and checks a provider base URL: https (http only on loopback), no query or
 * fragment, no trailing slash; GitHub Enterprise must be `https://<host>/api/v3`, GitLab
 * loses a pasted `/api/v4` (the client adds it) and dev.azure.com must name one organisation.
 */
export function checkBaseUrl(kind: ManagedConnectionKind, raw: string): BaseUrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: "Enter a full URL starting with https://." };
  }
  const loopback = LOOPBACK.has(url.hostname);
  if (url.protocol !== "https:" && !(loopback && url.protocol === "http:")) {
    return { ok: false, message: "Use https:// so the token never travels in clear text." };
  }
  if (url.search || url.hash || url.username || url.password) {
    return { ok: false, message: "Leave out query strings, fragments and credentials." };
  }
  let path = url.pathname.replace(/\/+$/, "");
  if (kind === "github" && url.hostname !== "api.github.com" && !loopback && !/\/api\/v3$/.test(path)) {
    return { ok: false, message: "For GitHub Enterprise Server use https://<host>/api/v3." };
  }
  if (kind === "gitlab") path = path.replace(/\/api\/v4$/, "");
  if (kind === "azure_devops" && url.hostname === "dev.azure.com" && !/^\/[^/]+$/.test(path)) {
    return { ok: false, message: "Use your organisation URL: https://dev.azure.com/<organisation>." };
  }
  return { ok: true, url: `${url.protocol}//${url.host}${path}` };
}
