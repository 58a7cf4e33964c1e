import { z } from "zod";
import {
  mlflowConnectionConfigSchema,
  prometheusConnectionConfigSchema,
  providerConnectionConfigSchema,
} from "@/lib/connections/config-schema";
import {
  connectionKindEnum,
  deliveryOutcomeEnum,
  pipelineKindEnum,
  providerEnum,
  runStatusEnum,
} from "@/lib/db/schema/enums";

/**
 * What Tandem answers, described in zod for the OpenAPI document only (the verbs return
 * typed rows). Timestamps are ISO 8601 strings on the wire.
 */

const at = z.iso.datetime();
const status = z.enum(runStatusEnum.enumValues);

export const runJobOutput = z.object({
  id: z.uuid(),
  externalId: z.string(),
  name: z.string(),
  stage: z.string().nullable(),
  status,
  runner: z.string().nullable(),
  url: z.string().nullable(),
  position: z.number().int(),
  startedAt: at.nullable(),
  finishedAt: at.nullable(),
});

export const runDetailOutput = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectSlug: z.string(),
  provider: z.enum(providerEnum.enumValues),
  externalId: z.string(),
  runNumber: z.number().int().nullable(),
  attempt: z.number().int(),
  status,
  title: z.string().nullable(),
  commitSha: z.string().nullable(),
  branch: z.string().nullable(),
  actor: z.string().nullable(),
  trigger: z.string().nullable(),
  url: z.string().nullable(),
  queuedAt: at,
  startedAt: at.nullable(),
  finishedAt: at.nullable(),
  providerUpdatedAt: at.nullable().describe("The `updatedAt` the reporter sent: newer reports win."),
  createdAt: at,
  updatedAt: at.describe("When Tandem last wrote the run."),
  pipeline: z.object({
    id: z.uuid(),
    externalId: z.string(),
    name: z.string(),
    kind: z.enum(pipelineKindEnum.enumValues),
    repository: z.string().nullable(),
    url: z.string().nullable(),
  }),
  jobs: z.array(runJobOutput),
});

export const runListItemOutput = runDetailOutput
  .pick({
    id: true,
    status: true,
    provider: true,
    runNumber: true,
    title: true,
    branch: true,
    commitSha: true,
  })
  .extend({
    actor: z.string().nullable(),
    url: z.string().nullable(),
    queuedAt: at,
    startedAt: at.nullable(),
    finishedAt: at.nullable(),
    pipelineId: z.uuid(),
    pipelineName: z.string(),
    projectSlug: z.string(),
    projectName: z.string(),
  });

export const connectionOutput = z.object({
  id: z.uuid(),
  kind: z.enum(connectionKindEnum.enumValues),
  name: z.string(),
  baseUrl: z.string(),
  enabled: z.boolean(),
  hasToken: z.boolean().describe("Whether a token is stored; the token itself is never returned."),
  config: z
    .union([
      providerConnectionConfigSchema,
      mlflowConnectionConfigSchema,
      prometheusConnectionConfigSchema,
      z.object({}),
    ])
    .nullable()
    .describe(
      "The kind's own config: repositories (github, gitlab, azure_devops), models to import (mlflow), queries to pull (prometheus); null when a stored MLflow or Prometheus config cannot be read, {} for other kinds.",
    ),
  lastDeliveryAt: at.nullable(),
  lastSyncAt: at.nullable(),
  lastError: z.string().nullable(),
  createdAt: at,
  updatedAt: at,
});

export const connectionDetailOutput = connectionOutput.extend({
  webhookUrl: z.string().nullable().describe("Paste into the provider's webhook settings."),
  hasWebhookSecret: z.boolean(),
});

export const connectionHealthOutput = z.object({
  lastDeliveryAt: at.nullable(),
  lastSyncAt: at.nullable(),
  lastError: z.string().nullable(),
  last24h: z.object({
    pending: z.number().int(),
    processed: z.number().int(),
    ignored: z.number().int(),
    failed: z.number().int(),
    total: z.number().int(),
  }),
});

export const deliveryOutput = z.object({
  id: z.number().int(),
  deliveryId: z.string(),
  event: z.string(),
  outcome: z.enum(deliveryOutcomeEnum.enumValues),
  error: z.string().nullable(),
  receivedAt: at,
  processedAt: at.nullable(),
});

export const probeResultOutput = z.object({
  ok: z.boolean(),
  account: z.string().nullable(),
  findings: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string() })),
  rateLimit: z.object({ remaining: z.number(), limit: z.number() }).nullable(),
  error: z
    .string()
    .nullable()
    .describe("The provider's failure in plain words, e.g. `the token was refused by GitHub`."),
  testedAt: at,
});
