import { type ZodType, z } from "zod";

export type JsonSchema = Record<string, unknown>;

/**
 * A zod schema as an OpenAPI 3.1 schema (JSON Schema 2020-12). `input` describes what a
 * client sends (before defaults and transforms); `output` what Tandem answers. Dates,
 * which JSON carries as strings, become `string` / `date-time`.
 */
export function jsonSchema(schema: ZodType, io: "input" | "output" = "input"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    override: (ctx) => {
      const def = (ctx.zodSchema as { _zod?: { def?: { type?: string } } })._zod?.def;
      if (def?.type === "date") {
        for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
        Object.assign(ctx.jsonSchema, { type: "string", format: "date-time" });
      }
    },
  }) as JsonSchema;
  return rest;
}

export type QueryParameter = {
  name: string;
  in: "query";
  required: boolean;
  description?: string;
  schema: JsonSchema;
};

/** The properties of a zod object schema as OpenAPI query parameters. */
export function queryParameters(schema: ZodType): QueryParameter[] {
  const json = jsonSchema(schema, "input") as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...propertySchema } = property as JsonSchema & { description?: string };
    return {
      name,
      in: "query" as const,
      required: json.required?.includes(name) ?? false,
      ...(description ? { description } : {}),
      schema: propertySchema,
    };
  });
}
