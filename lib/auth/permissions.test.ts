import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/db/schema/enums";
import { isPermission, PERMISSIONS, type Permission, ROLES, roleCan } from "./permissions";

// One row per permission worth pinning down; columns are viewer, engineer, approver, admin.
const TABLE: [Permission, viewer: boolean, engineer: boolean, approver: boolean, admin: boolean][] = [
  ["overview:read", true, true, true, true],
  ["runs:read", true, true, true, true],
  ["tokens:manage", true, true, true, true],
  ["runs:write", false, true, true, true],
  ["models:write", false, true, true, true],
  ["promotions:request", false, true, true, true],
  ["promotions:approve", false, false, true, true],
  ["gates:write", false, false, false, true],
  ["users:read", false, false, false, true],
  ["users:write", false, false, false, true],
  ["connections:write", false, false, false, true],
  ["audit:read", false, false, false, true],
  ["settings:read", false, false, false, true],
];

describe("roleCan", () => {
  for (const [permission, ...expected] of TABLE) {
    it.each(ROLES.map((role, i) => [role, expected[i]] as [Role, boolean]))(
      `${permission}: %s → %s`,
      (role, allowed) => {
        expect(roleCan(role, permission)).toBe(allowed);
      },
    );
  }

  it("gives admin every permission", () => {
    for (const permission of PERMISSIONS) expect(roleCan("admin", permission)).toBe(true);
  });

  it("grows strictly from viewer to admin: each role holds everything the one before it does", () => {
    for (let i = 1; i < ROLES.length; i++) {
      const lower = ROLES[i - 1]!;
      const higher = ROLES[i]!;
      for (const permission of PERMISSIONS) {
        if (roleCan(lower, permission))
          expect(roleCan(higher, permission), `${higher} ${permission}`).toBe(true);
      }
    }
  });

  it("keeps users, connections, audit and settings to admins only", () => {
    const adminOnly: Permission[] = ["users:write", "connections:write", "audit:read", "settings:read"];
    for (const role of ROLES) {
      for (const permission of adminOnly) expect(roleCan(role, permission)).toBe(role === "admin");
    }
  });
});

describe("isPermission", () => {
  it("accepts known permissions and rejects anything else", () => {
    expect(isPermission("runs:read")).toBe(true);
    expect(isPermission("runs:delete")).toBe(false);
    expect(isPermission("")).toBe(false);
  });
});
