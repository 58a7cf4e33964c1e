import { z } from "zod";
import { modelVersionStatusEnum, providerEnum, runStatusEnum } from "@/lib/db/schema/enums";
import { idParameter } from "@/lib/openapi/components";

/** Output shapes and parameters shared by the registry's OpenAPI path groups (openapi-paths-*.ts). */

export const at = z.iso.datetime();
export const status = z.enum(modelVersionStatusEnum.enumValues);
export const stringMap = z.record(z.string(), z.string());
export const numberMap = z.record(z.string(), z.number());

export const modelOutput = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectSlug: z.string(),
  name: z.string(),
  description: z.string(),
  owner: z.string().nullable(),
  tags: stringMap,
  primaryMetric: z.string().nullable(),
  primaryMetricDirection: z.enum(["higher", "lower"]),
  createdAt: at,
  updatedAt: at,
});

export const deployedIn = z.object({
  environmentId: z.uuid(),
  environmentSlug: z.string(),
  environmentName: z.string(),
  position: z.number().int(),
  isProduction: z.boolean(),
  deploymentId: z.uuid(),
  deployedAt: at,
});

export const modelDetailOutput = modelOutput.omit({ projectId: true, projectSlug: true }).extend({
  project: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  environments: z.array(
    z.object({
      id: z.uuid(),
      slug: z.string(),
      name: z.string(),
      position: z.number().int(),
      isProduction: z.boolean(),
    }),
  ),
  aliases: z.array(
    z.object({ alias: z.string(), version: z.number().int(), versionId: z.uuid(), updatedAt: at }),
  ),
  versionCount: z.number().int(),
  metricColumns: z
    .array(z.string())
    .describe("The primary metric first, then the metrics most versions logged; at most 6."),
  versionsPage: z.object({
    sort: z.string(),
    dir: z.enum(["asc", "desc"]),
    offset: z.number().int(),
    limit: z.number().int(),
  }),
  metricSeries: z
    .object({
      metric: z.string(),
      points: z.array(z.object({ version: z.number().int(), value: z.number().nullable() })),
    })
    .nullable()
    .describe(
      "One metric across the newest 1,000 versions, oldest first; null where a version did not log it.",
    ),
  versions: z
    .array(
      z.object({
        id: z.uuid(),
        version: z.number().int(),
        status,
        metrics: numberMap,
        aliases: z.array(z.string()),
        createdAt: at,
        deployedIn: z
          .array(deployedIn)
          .describe("Where it runs now: the latest succeeded deployment of this model per environment."),
      }),
    )
    .describe("One page (`versionsPage`), in the order asked for; default newest first, 50."),
});

export const versionDetailOutput = z.object({
  id: z.uuid(),
  modelId: z.uuid(),
  modelName: z.string(),
  projectId: z.uuid(),
  projectSlug: z.string(),
  version: z.number().int(),
  status,
  artifactUri: z.string().nullable(),
  framework: z.string().nullable(),
  params: stringMap,
  tags: stringMap,
  metrics: numberMap,
  datasets: z.array(
    z.object({
      name: z.string(),
      uri: z.string(),
      digest: z.string().optional(),
      role: z.string().optional(),
    }),
  ),
  commitSha: z.string().nullable(),
  createdBy: z.string().nullable(),
  clientKey: z.string().nullable(),
  createdAt: at,
  aliases: z.array(z.string()),
  lineage: z.object({
    commitSha: z.string().nullable(),
    sourceRun: z
      .object({
        id: z.uuid(),
        provider: z.enum(providerEnum.enumValues),
        externalId: z.string(),
        runNumber: z.number().int().nullable(),
        status: z.enum(runStatusEnum.enumValues),
        url: z.string().nullable(),
        commitSha: z.string().nullable(),
        branch: z.string().nullable(),
        queuedAt: at,
        pipeline: z.object({
          id: z.uuid(),
          externalId: z.string(),
          name: z.string(),
          kind: z.string(),
          url: z.string().nullable(),
        }),
      })
      .nullable(),
  }),
  deployments: z.array(
    z.object({
      id: z.uuid(),
      environmentId: z.uuid(),
      environmentSlug: z.string(),
      environmentName: z.string(),
      isProduction: z.boolean(),
      status: z.string(),
      isRollback: z.boolean(),
      actor: z.string().nullable(),
      url: z.string().nullable(),
      startedAt: at,
      finishedAt: at.nullable(),
      current: z.boolean().describe("This version runs in the environment now."),
    }),
  ),
  history: z.array(
    z.object({
      key: z.string(),
      points: z.number().int(),
      firstStep: z.number().int(),
      lastStep: z.number().int(),
    }),
  ),
});

export const searchItemOutput = z.object({
  id: z.uuid(),
  modelId: z.uuid(),
  modelName: z.string(),
  projectSlug: z.string(),
  version: z.number().int(),
  status,
  framework: z.string().nullable(),
  metrics: numberMap,
  tags: stringMap,
  commitSha: z.string().nullable(),
  aliases: z.array(z.string()),
  createdAt: at,
});

export const aliasResult = z.object({
  alias: z.string(),
  version: z.number().int().nullable(),
  versionId: z.uuid().nullable(),
  previousVersion: z.number().int().nullable(),
  previousVersionId: z.uuid().nullable(),
  changed: z.boolean().describe("False when nothing was written (already there, or already removed)."),
});

export const registerResult = z.object({ version: versionDetailOutput, created: z.boolean() });
export const modelId = idParameter("modelId", "The model's id (uuid).");
export const versionId = idParameter("versionId", "The model version's id (uuid).");
export const aliasParameter = {
  name: "alias",
  in: "path" as const,
  required: true,
  description: "Lowercase alias name, e.g. `champion`.",
  schema: { type: "string", pattern: "^[a-z][a-z0-9_-]{0,62}$" },
};
