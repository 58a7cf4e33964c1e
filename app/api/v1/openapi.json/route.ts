import { NextResponse } from "next/server";
import { buildOpenApiDocument } from "@/lib/openapi/build-document";

/** The document is the same for every caller and every request: build it once per process. */
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

/** `GET /api/v1/openapi.json`: the API's OpenAPI 3.1 description. Public: it is documentation. */
export function GET(): Response {
  document ??= buildOpenApiDocument();
  return NextResponse.json(document, { headers: { "cache-control": "public, max-age=300" } });
}
