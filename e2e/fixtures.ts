import path from "node:path";
import { type Browser, test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "tandem-demo";
export const ROLES = ["admin", "approver", "engineer", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export function emailOf(role: Role): string {
  return `${role}@tandem.local`;
}

export function storageStateOf(role: Role): string {
  return path.join(import.meta.dirname, ".auth", `${role}.json`);
}

/**
 * Demo accounts beyond the one per role, signed in by the global setup too: the second
 * approver completes two-approval gates that the first has already approved.
 */
export const EXTRA_ACCOUNTS = ["approver2"] as const;
export type Account = Role | (typeof EXTRA_ACCOUNTS)[number];

export function accountEmail(account: Account): string {
  return `${account}@tandem.local`;
}

export function accountStatePath(account: Account): string {
  return path.join(import.meta.dirname, ".auth", `${account}.json`);
}

/** A page signed in as any demo account, e.g. `pageAsAccount(browser, "approver2")`. */
export async function pageAsAccount(browser: Browser, account: Account): Promise<Page> {
  const context = await browser.newContext({ storageState: accountStatePath(account) });
  return context.newPage();
}

/** A page already signed in as `role` (state saved by the global setup). */
export async function pageAs(browser: Browser, role: Role): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(role) });
  return context.newPage();
}

export const test = base;
export { expect };
