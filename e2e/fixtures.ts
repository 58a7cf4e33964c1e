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

/** A page already signed in as `role` (state saved by the global setup). */
export async function pageAs(browser: Browser, role: Role): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(role) });
  return context.newPage();
}

export const test = base;
export { expect };
