import { modelComparePaths } from "./openapi-paths-compare";
import { modelItemPaths } from "./openapi-paths-models";
import { modelVersionPaths } from "./openapi-paths-versions";

/**
 * The model registry's part of the OpenAPI document. Meant for lib/openapi/paths/models.ts:
 * spread `modelPaths` after `readPaths` in buildOpenApiDocument (its `/models` item keeps
 * the documented GET and adds POST).
 *
 * Split by path group: openapi-paths-models.ts (/models/**), openapi-paths-compare.ts (the
 * comparison), openapi-paths-versions.ts (/model-versions/**); shared shapes in
 * openapi-paths-schemas.ts.
 */
export const modelPaths = { ...modelItemPaths, ...modelComparePaths, ...modelVersionPaths };
