import type { Role } from "@/lib/db/schema/enums";

/**
 * The demo sign-in accounts. Kept free of runtime imports because the sign-in page shows
 * them in the browser bundle; the seed hashes `DEMO_PASSWORD` when it creates the users.
 */
export type DemoAccount = { email: string; role: Role; name: string };

export const DEMO_PASSWORD = "tandem-demo";

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: "admin@tandem.local", role: "admin", name: "Ada Admin" },
  { email: "approver@tandem.local", role: "approver", name: "Priya Approver" },
  { email: "approver2@tandem.local", role: "approver", name: "Omar Approver" },
  { email: "engineer@tandem.local", role: "engineer", name: "Erin Engineer" },
  { email: "viewer@tandem.local", role: "viewer", name: "Victor Viewer" },
];
