import fs from "node:fs";
import path from "node:path";
import { type FullConfig, request } from "@playwright/test";
import { accountEmail, accountStatePath, DEMO_PASSWORD, EXTRA_ACCOUNTS, ROLES } from "./fixtures";

/**
 * Signs in once per role (and per extra account, such as the second approver) through
 * next-auth's credentials endpoint and keeps the cookies, so specs start signed in. The
 * sign-in form itself is exercised in auth.spec.ts.
 */
export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0]!.use.baseURL!;
  fs.mkdirSync(path.dirname(accountStatePath("admin")), { recursive: true });
  for (const role of [...ROLES, ...EXTRA_ACCOUNTS]) {
    const context = await request.newContext({ baseURL });
    const csrf = await context.get("/api/auth/csrf");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await context.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: accountEmail(role), password: DEMO_PASSWORD, json: "true" },
      maxRedirects: 0,
    });
    if (response.status() >= 400) throw new Error(`sign-in as ${role} failed: ${response.status()}`);
    const state = await context.storageState();
    if (!state.cookies.some((c) => c.name.includes("session-token"))) {
      throw new Error(`sign-in as ${role} set no session cookie`);
    }
    await context.storageState({ path: accountStatePath(role) });
    await context.dispose();
  }
}
