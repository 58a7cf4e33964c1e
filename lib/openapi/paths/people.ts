import { z } from "zod";
import { PERMISSIONS, ROLES } from "@/lib/auth/permissions";
import { createTokenInput, listTokensInput } from "@/lib/tokens/schemas";
import { createUserInput, listUsersInput, updateUserBody } from "@/lib/users/schemas";
import { body, errors, idParameter, json, pageOf } from "../components";
import { jsonSchema, queryParameters } from "../json-schema";

const at = z.iso.datetime();
const token = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().describe("The first characters of the secret, to recognise it."),
  scopes: z.array(z.enum(PERMISSIONS)),
  projectIds: z.array(z.uuid()).nullable(),
  expiresAt: at.nullable(),
  lastUsedAt: at.nullable(),
  revokedAt: at.nullable(),
  createdAt: at,
  status: z.enum(["active", "expired", "revoked"]),
});
const user = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  disabledAt: at.nullable(),
  lastSignInAt: at.nullable(),
  createdAt: at,
});
const out = (schema: z.ZodType) => jsonSchema(schema, "output");

/** The caller's own API tokens, and people (admins). */
export const peoplePaths = {
  "/tokens": {
    get: {
      tags: ["Tokens"],
      operationId: "listTokens",
      summary:
        "The caller's own API tokens, or with userId another person's (users:write) — never hashes or secrets",
      "x-permission": "tokens:manage",
      parameters: queryParameters(listTokensInput),
      responses: {
        "200": json("Tokens", out(z.object({ items: z.array(token) }))),
        ...errors(400, 401, 403),
      },
    },
    post: {
      tags: ["Tokens"],
      operationId: "createToken",
      summary: "Create a token for the caller; the secret is returned this once",
      "x-permission": "tokens:manage",
      requestBody: body(jsonSchema(createTokenInput)),
      responses: {
        "201": json(
          "Created",
          out(
            z.object({
              token: token.omit({ lastUsedAt: true, revokedAt: true, status: true }),
              secret: z.string(),
            }),
          ),
        ),
        ...errors(400, 401, 403, 415),
      },
    },
  },
  "/tokens/{id}": {
    delete: {
      tags: ["Tokens"],
      operationId: "revokeToken",
      summary:
        "Revoke one of the caller's tokens, or anyone's with users:write (204 also when already revoked)",
      "x-permission": "tokens:manage",
      parameters: [idParameter("id", "The token id.")],
      responses: { "204": { description: "Revoked" }, ...errors(401, 403, 404) },
    },
  },
  "/users": {
    get: {
      tags: ["Users"],
      operationId: "listUsers",
      summary: "Every user, newest first",
      "x-permission": "users:read",
      parameters: queryParameters(listUsersInput),
      responses: { "200": json("A page of users", pageOf(out(user))), ...errors(400, 401, 403) },
    },
    post: {
      tags: ["Users"],
      operationId: "createUser",
      summary: "Add a user with a role and an initial password",
      "x-permission": "users:write",
      requestBody: body(jsonSchema(createUserInput)),
      responses: { "201": json("Created", out(z.object({ user }))), ...errors(400, 401, 403, 409, 415) },
    },
  },
  "/users/{id}": {
    patch: {
      tags: ["Users"],
      operationId: "updateUser",
      summary: "Change a user's role and/or disable or re-enable them",
      "x-permission": "users:write",
      parameters: [idParameter("id", "The user id.")],
      requestBody: body(jsonSchema(updateUserBody)),
      responses: { "200": json("Updated", out(z.object({ user }))), ...errors(400, 401, 403, 404, 409, 415) },
    },
  },
};
