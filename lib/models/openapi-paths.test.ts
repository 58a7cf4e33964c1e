import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { modelPaths } from "./openapi-paths";

const API_ROOT = path.join(import.meta.dirname, "../../app/api/v1");
const METHOD_EXPORT = /export\s+(?:const|(?:async\s+)?function)\s+(GET|PUT|POST|PATCH|DELETE)\b/g;

/** The registry's route files as URL templates ([x] → {x}) with their exported methods. */
function routes(dir: string): { template: string; methods: string[] }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routes(full);
    if (entry.name !== "route.ts") return [];
    const template = `/${path
      .relative(API_ROOT, dir)
      .split(path.sep)
      .map((s) => s.replace(/^\[(.+)\]$/, "{$1}"))
      .join("/")}`;
    const methods = [...fs.readFileSync(full, "utf8").matchAll(METHOD_EXPORT)].map((m) =>
      m[1]!.toLowerCase(),
    );
    return [{ template, methods }];
  });
}

describe("the model registry's OpenAPI paths", () => {
  // Drift routes live under /models but belong to monitoring, which documents them itself.
  const files = [
    ...routes(path.join(API_ROOT, "models")),
    ...routes(path.join(API_ROOT, "model-versions")),
  ].filter((f) => !f.template.startsWith("/models/{modelId}/drift"));
  const documented = modelPaths as Record<string, Record<string, unknown>>;

  it.each(files.map((f) => [f.template, f.methods] as const))("documents %s %j", (template, methods) => {
    for (const method of methods)
      expect(documented[template], `${method} ${template}`).toHaveProperty(method);
  });

  it("documents nothing that has no route, and serializes", () => {
    for (const [template, item] of Object.entries(documented)) {
      const file = files.find((f) => f.template === template);
      expect(file, template).toBeDefined();
      expect(Object.keys(item).sort()).toEqual([...file!.methods].sort());
    }
    expect(() => JSON.stringify(modelPaths)).not.toThrow();
  });
});
