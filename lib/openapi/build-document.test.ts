import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./build-document";

const METHODS = ["get", "put", "post", "patch", "delete"];

describe("buildOpenApiDocument", () => {
  const doc = buildOpenApiDocument();
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({
        path,
        method,
        op: op as Record<string, unknown> & { responses: Record<string, unknown> },
      })),
  );

  it("is an OpenAPI 3.1 document with a bearer scheme and the one error schema", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.securitySchemes.bearerToken).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.security).toEqual([{ bearerToken: [] }]);
    expect(doc.components.schemas.Error).toMatchObject({ required: ["error"] });
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it("lists the endpoints outside callers rely on", () => {
    const listed = new Set(operations.map((o) => `${o.method.toUpperCase()} ${o.path}`));
    for (const expected of [
      "GET /runs",
      "PUT /runs/{provider}/{externalId}",
      "GET /runs/{id}",
      "POST /runs/{id}/jobs",
      "GET /tokens",
      "POST /tokens",
      "DELETE /tokens/{id}",
      "GET /users",
      "POST /users",
      "PATCH /users/{id}",
      "GET /connections",
      "POST /connections",
      "GET /overview/health",
      "GET /deployments",
      "GET /models",
      "GET /promotions",
      "GET /alerts",
      "GET /audit-events",
    ]) {
      expect(listed, expected).toContain(expected);
    }
  });

  it("gives every operation responses, a unique id, and an error response by $ref", () => {
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, op } of operations) {
      const statuses = Object.keys(op.responses);
      expect(statuses.length, `${method} ${path}`).toBeGreaterThan(0);
      if (path !== "/openapi.json") {
        expect(JSON.stringify(op.responses), `${method} ${path}`).toContain(
          '"$ref":"#/components/schemas/Error"',
        );
      }
    }
  });

  it("declares every path parameter the template names", () => {
    for (const { path, method, op } of operations) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = ((op.parameters ?? []) as { name: string; in: string }[])
        .filter((p) => p.in === "path")
        .map((p) => p.name);
      expect(declared.sort(), `${method} ${path}`).toEqual(names.sort());
    }
  });

  it("describes request bodies from the zod schemas, dates as strings", () => {
    const put = doc.paths["/runs/{provider}/{externalId}"]!.put as unknown as {
      requestBody: {
        content: {
          "application/json": {
            schema: { required: string[]; properties: Record<string, { format?: string }> };
          };
        };
      };
    };
    const schema = put.requestBody.content["application/json"].schema;
    expect(schema.required).toEqual(expect.arrayContaining(["project", "pipeline", "status"]));
    expect(schema.properties.startedAt).toBeDefined();
    expect(JSON.stringify(doc)).not.toContain('"$schema"');
  });
});
