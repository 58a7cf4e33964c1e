import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const shared = {
  resolve: {
    alias: {
      "@": root,
      // Next enforces server-only at build time; plain Node (tests, scripts) needs a no-op.
      "server-only": path.join(root, "test/server-only-stub.ts"),
    },
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          environment: "node",
          sequence: { groupOrder: 0 },
          env: { LOG_LEVEL: "silent" },
          include: ["{lib,components,app,scripts}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
        },
      },
      {
        ...shared,
        test: {
          name: "int",
          environment: "node",
          env: { LOG_LEVEL: "silent" },
          include: ["{lib,app,scripts}/**/*.int.test.ts"],
          // Each file opens its own databases; two cores, so keep the pool small.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
