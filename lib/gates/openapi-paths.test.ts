import { describe, expect, it } from "vitest";
import { promotionPaths } from "./openapi-paths";

describe("promotionPaths", () => {
  it("documents every promotion route with its methods", () => {
    const methods = Object.fromEntries(
      Object.entries(promotionPaths).map(([path, item]) => [path, Object.keys(item).sort()]),
    );
    expect(methods).toEqual({
      "/promotions": ["get", "post"],
      "/promotions/{id}": ["get"],
      "/promotions/{id}/approve": ["post"],
      "/promotions/{id}/reject": ["post"],
      "/promotions/{id}/cancel": ["post"],
      "/promotions/{id}/deploy": ["post"],
    });
  });

  it("derives the bodies from the verbs' schemas", () => {
    const post = promotionPaths["/promotions"].post.requestBody.content["application/json"].schema as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(Object.keys(post.properties)).toEqual(
      expect.arrayContaining([
        "releaseId",
        "modelVersionId",
        "environment",
        "environmentId",
        "reason",
        "emergency",
      ]),
    );
    expect(post.required).toEqual(["reason"]);
    const reject = promotionPaths["/promotions/{id}/reject"].post.requestBody as {
      content: { "application/json": { schema: { required: string[] } } };
    };
    expect(reject.content["application/json"].schema.required).toEqual(["comment"]);
  });
});
