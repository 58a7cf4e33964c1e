import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeServer, startFakeServer } from "../testing/fake-http";
import { probePrometheus } from "./prometheus";

/** Prometheus's documented answers: buildinfo, and an instant query that fails to parse with 400 bad_data. */
describe("probePrometheus", () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer([
      {
        method: "GET",
        path: /^\/api\/v1\/status\/buildinfo$/,
        reply: () => ({
          status: 200,
          body: { status: "success", data: { version: "2.53.0", revision: "abc", goVersion: "go1.22" } },
        }),
      },
      {
        method: "GET",
        path: /^\/api\/v1\/query$/,
        reply: (request) =>
          request.query.get("query") === "up"
            ? {
                status: 200,
                body: {
                  status: "success",
                  data: { resultType: "vector", result: [{ metric: { job: "a" }, value: [1, "1"] }] },
                },
              }
            : {
                status: 400,
                body: {
                  status: "error",
                  errorType: "bad_data",
                  error: "1:6: parse error: unclosed left parenthesis",
                },
              },
      },
    ]);
  });
  afterAll(() => server.close());

  it("reports the version and each query, with Prometheus's parse error for a bad one", async () => {
    const result = await probePrometheus({
      baseUrl: server.origin,
      headers: {},
      queries: [
        { id: "up", promql: "up" },
        { id: "bad", promql: "rate(" },
      ],
    });
    expect(result.account).toBe("Prometheus 2.53.0");
    expect(result.ok).toBe(false);
    expect(result.findings[1]).toEqual({ name: "up", ok: true, detail: "vector with 1 series now" });
    expect(result.findings[2]?.detail).toMatch(
      /answered 400 on query: bad_data: .*unclosed left parenthesis/,
    );
  });

  it("says when the address is not a Prometheus", async () => {
    const result = await probePrometheus({ baseUrl: `${server.origin}/nothing`, headers: {}, queries: [] });
    expect(result.error).toMatch(/not found|404/);
  });
});
