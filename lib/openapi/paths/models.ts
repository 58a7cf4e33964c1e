/**
 * The model registry's paths are written next to its schemas (lib/models/openapi-paths.ts)
 * by the people who own them; its `/models` item extends the GET documented in reads.ts,
 * so build-document spreads these after readPaths.
 */
export { modelPaths } from "@/lib/models/openapi-paths";
