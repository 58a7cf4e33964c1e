import type { ZodType } from "zod";
import { parseInput } from "@/lib/api/errors";
import { readJson } from "@/lib/api/route";

/**
 * For endpoints whose body is optional (`POST …/approve` with no comment): an empty body
 * reads as `{}`; anything else must be JSON, validated like every other body.
 */
export async function readOptionalJson<T>(request: Request, schema: ZodType<T>): Promise<T> {
  const text = await request.clone().text();
  if (text.trim() === "") return parseInput(schema, {});
  return readJson(request, schema);
}
