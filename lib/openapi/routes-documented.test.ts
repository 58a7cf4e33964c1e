import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./build-document";

const API_ROOT = path.join(import.meta.dirname, "../../app/api/v1");
const METHOD_EXPORT = /export\s+(?:const|(?:async\s+)?function)\s+(GET|PUT|POST|PATCH|DELETE)\b/g;

/** Every route.ts under app/api/v1 as its URL template ([x] → {x}) and exported methods. */
function routeFiles(dir = API_ROOT): { template: string; methods: string[] }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith("_") ? [] : routeFiles(full);
    if (entry.name !== "route.ts") return [];
    const segments = path
      .relative(API_ROOT, dir)
      .split(path.sep)
      .filter((s) => s && !/^\(.*\)$/.test(s))
      .map((s) => s.replace(/^\[(?:\.\.\.)?(.+)\]$/, "{$1}"));
    const methods = [...fs.readFileSync(full, "utf8").matchAll(METHOD_EXPORT)].map((m) => m[1]!);
    return [{ template: `/${segments.join("/")}`, methods }];
  });
}

/**
 * A documented template covers a file's template when literal segments are equal and each
 * documented `{param}` lines up with a dynamic or literal segment; so `PUT runs/{x}/jobs`
 * (a literal "jobs" run id shadowing the dynamic route) is covered by
 * `PUT /runs/{provider}/{externalId}`.
 */
function covers(documented: string, file: string): boolean {
  const a = documented.split("/");
  const b = file.split("/");
  return (
    a.length === b.length &&
    a.every((segment, i) => (/^\{.+\}$/.test(segment) ? true : !/^\{.+\}$/.test(b[i]!) && segment === b[i]))
  );
}

describe("the OpenAPI document cannot drift from the routes", () => {
  const doc = buildOpenApiDocument();
  const files = routeFiles();

  it("finds the route files", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [f.template, f.methods] as const))("documents %s %j", (template, methods) => {
    expect(methods.length, `${template} exports no HTTP method`).toBeGreaterThan(0);
    for (const method of methods) {
      const documented = Object.entries(doc.paths).some(
        ([path, item]) => covers(path, template) && method.toLowerCase() in item,
      );
      expect(documented, `${method} ${template} is missing from lib/openapi`).toBe(true);
    }
  });

  it("documents no route that does not exist", () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of Object.keys(item)) {
        const exists = files.some(
          (f) => covers(path, f.template) && f.methods.includes(method.toUpperCase()),
        );
        expect(exists, `${method.toUpperCase()} ${path} has no route.ts`).toBe(true);
      }
    }
  });
});
