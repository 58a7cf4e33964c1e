import { alertRulePaths } from "@/lib/alerts/openapi-paths";
import { deployTargetPaths } from "@/lib/deployments/openapi-paths";
import { driftPaths } from "@/lib/drift/openapi-paths";
import { gateAdminPaths } from "@/lib/gates/openapi-admin-paths";
import { promotionPaths } from "@/lib/gates/openapi-paths";
import { monitoringPaths } from "@/lib/monitoring/openapi-paths";
import { notificationPaths } from "@/lib/notifications/openapi-paths";
import { releasePaths } from "@/lib/releases/openapi-paths";
import { components, json } from "./components";
import { connectionPaths } from "./paths/connections";
import { modelPaths } from "./paths/models";
import { peoplePaths } from "./paths/people";
import { readPaths } from "./paths/reads";
import { runPaths } from "./paths/runs";

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  security: Record<string, string[]>[];
  tags: { name: string }[];
  paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown[] }>>;
  components: typeof components;
};

const DESCRIPTION = `Tandem's REST API. Authenticate with \`Authorization: Bearer <token>\` (create one under Account → API tokens or with \`POST /tokens\`); a token never does more than its scopes and its owner's role allow today, and a token limited to projects sees only those (others answer 404). Every failure has one shape: \`{ "error": { "code", "message", "details"? } }\`. Lists are keyset-paginated: pass \`nextCursor\` back as \`?cursor=\`.`;

const selfPath = {
  "/openapi.json": {
    get: {
      tags: ["Meta"],
      operationId: "getOpenApiDocument",
      summary: "This document (public)",
      security: [],
      responses: { "200": json("The OpenAPI 3.1 document", { type: "object" }) },
    },
  },
};

/**
 * The OpenAPI 3.1 document for `/api/v1`, built from the same zod schemas the routes
 * validate with, so a changed input schema changes the documentation with it. A test
 * checks that every `app/api/v1/**\/route.ts` appears here.
 */
export function buildOpenApiDocument(): OpenApiDocument {
  const paths = {
    ...runPaths,
    ...connectionPaths,
    ...peoplePaths,
    ...readPaths,
    ...modelPaths,
    ...promotionPaths,
    ...gateAdminPaths,
    ...deployTargetPaths,
    ...monitoringPaths,
    ...alertRulePaths,
    ...notificationPaths,
    ...driftPaths,
    ...releasePaths,
    ...selfPath,
  };
  const tags = [
    ...new Set(
      Object.values(paths).flatMap((item) =>
        Object.values(item).flatMap((op) => (op as { tags?: string[] }).tags ?? []),
      ),
    ),
  ];
  return {
    openapi: "3.1.0",
    info: { title: "Tandem API", version: "1", description: DESCRIPTION },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerToken: [] }],
    tags: tags.map((name) => ({ name })),
    paths: paths as OpenApiDocument["paths"],
    components,
  };
}
