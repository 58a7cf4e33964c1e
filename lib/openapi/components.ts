import { ERROR_STATUS } from "@/lib/api/errors";
import type { JsonSchema } from "./json-schema";

/** `$ref` to a schema under components.schemas. */
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The one error shape every `/api/v1` failure uses (lib/api/errors.ts). */
const errorSchema: JsonSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", enum: Object.keys(ERROR_STATUS) },
        message: { type: "string" },
        details: {
          description:
            "Extra facts: `fields` (one `{ path, message }` per invalid field) for 400, `permission` for 403.",
        },
      },
    },
  },
  example: {
    error: {
      code: "forbidden",
      message: "Your role (viewer) does not allow users:write.",
      details: { permission: "users:write" },
    },
  },
};

const page = (item: JsonSchema): JsonSchema => ({
  type: "object",
  required: ["items", "nextCursor"],
  properties: {
    items: { type: "array", items: item },
    nextCursor: {
      type: ["string", "null"],
      description: "Pass as `?cursor=` for the next page; null on the last page.",
    },
  },
});

export const components = {
  securitySchemes: {
    bearerToken: {
      type: "http",
      scheme: "bearer",
      description: "An API token from Account → API tokens (or `POST /api/v1/tokens`), e.g. `tdm_…`.",
    },
  },
  schemas: { Error: errorSchema },
};

const ERROR_TEXT: Record<number, string> = {
  400: "Invalid request: `details.fields` names each bad field.",
  401: "No valid bearer token or session.",
  403: "The token's scopes or the owner's role do not allow this.",
  404: "Not found, or outside the token's projects.",
  409: "Conflicts with the current state.",
  413: "Body too large.",
  415: "Send application/json.",
  502: "A provider (GitHub, GitLab, Azure DevOps, MLflow, Prometheus) failed or answered with an error; `details.retryable` says whether trying again may help.",
  503: "Tandem cannot serve now (database or job queue unreachable); try again later.",
};

/** Error responses by status, all with the one error schema. */
export function errors(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      String(status),
      {
        description: ERROR_TEXT[status] ?? "Error",
        content: { "application/json": { schema: ref("Error") } },
      },
    ]),
  );
}

export function json(description: string, schema: JsonSchema) {
  return { description, content: { "application/json": { schema } } };
}

export function body(schema: JsonSchema, description?: string) {
  return {
    required: true,
    ...(description ? { description } : {}),
    content: { "application/json": { schema } },
  };
}

export function pageOf(item: JsonSchema): JsonSchema {
  return page(item);
}

export const idParameter = (name = "id", description = "The resource id (uuid).") => ({
  name,
  in: "path" as const,
  required: true,
  description,
  schema: { type: "string" },
});
