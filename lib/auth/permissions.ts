import type { Role } from "@/lib/db/schema/enums";

/**
 * Every permission, `area:action`. One map decides what each role may do; the server
 * check, the UI hook and API-token scopes all read it.
 */
export const PERMISSIONS = [
  "overview:read",
  "projects:read",
  "projects:write",
  "runs:read",
  "runs:write",
  "deployments:read",
  "deployments:write",
  "models:read",
  "models:write",
  "promotions:read",
  "promotions:request",
  "promotions:approve",
  "gates:write",
  "monitoring:read",
  "monitoring:write",
  "connections:read",
  "connections:write",
  "users:read",
  "users:write",
  "tokens:manage",
  "audit:read",
  "settings:read",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ["viewer", "engineer", "approver", "admin"] as const satisfies readonly Role[];

const viewer: Permission[] = [
  "overview:read",
  "projects:read",
  "runs:read",
  "deployments:read",
  "models:read",
  "promotions:read",
  "monitoring:read",
  "tokens:manage",
];
const engineer: Permission[] = [
  ...viewer,
  "runs:write",
  "deployments:write",
  "models:write",
  "promotions:request",
  "monitoring:write",
];
const approver: Permission[] = [...engineer, "promotions:approve"];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  viewer: new Set(viewer),
  engineer: new Set(engineer),
  approver: new Set(approver),
  admin: new Set(PERMISSIONS),
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  viewer: "Reads everything in the delivery picture; changes nothing.",
  engineer: "Reports runs, registers models, pushes metrics and asks for promotions.",
  approver: "Everything an engineer does, plus approving or rejecting promotions.",
  admin: "Everything, plus connections, environments, gate policies, people and the audit log.",
};

/** Plain predicate: may this role do this? */
export function roleCan(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
