import { z } from "zod";

/**
 * The `config` column of a CI connection: which repositories (GitHub `owner/repo`, GitLab
 * `group/project` path, Azure DevOps project name) it watches and which Tandem project each
 * one's runs belong to. The connection verbs write it; webhook handling and sync read it,
 * so both sides must parse it with this one schema.
 */
export const providerConnectionConfigSchema = z.object({
  repositories: z
    .array(
      z.object({
        name: z.string().trim().min(1, "Enter a repository or project name.").max(300),
        projectId: z.uuid("Choose a Tandem project."),
      }),
    )
    .max(200, "Use at most 200 repositories per connection.")
    .default([]),
  /** Runs from repositories not listed above go here; without it they are ignored. */
  defaultProjectId: z.uuid("Choose a Tandem project.").optional(),
});

export type ProviderConnectionConfig = z.infer<typeof providerConnectionConfigSchema>;

/**
 * The `config` of an `mlflow` connection: which registered models to import (all when
 * empty) and the Tandem project they land in. The MLflow importer reads it.
 */
export const mlflowConnectionConfigSchema = z.object({
  projectId: z.uuid("Choose a Tandem project."),
  /** Registered-model names to import; empty imports every model the token can see. */
  models: z.array(z.string().trim().min(1).max(300)).max(500).default([]),
  /** Minutes between incremental imports. */
  intervalMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
});

export type MlflowConnectionConfig = z.infer<typeof mlflowConnectionConfigSchema>;

/**
 * The `config` of a `prometheus` connection: PromQL queries pulled through
 * `/api/v1/query_range` on a schedule. Each result series becomes a Tandem metric series
 * named `seriesName`, labelled with `labels` plus the Prometheus series' own labels.
 */
export const prometheusConnectionConfigSchema = z.object({
  queries: z
    .array(
      z.object({
        /** Stable id: the sync cursor (last pulled time) is kept per query. */
        id: z
          .string()
          .trim()
          .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, "Use lower-case letters, digits, - and _."),
        promql: z.string().trim().min(1, "Enter a PromQL query.").max(4000),
        seriesName: z.string().trim().min(1).max(200),
        kind: z.enum(["service", "model"]).default("service"),
        projectId: z.uuid("Choose a Tandem project."),
        /** Tandem labels added to every series (environment, service, model, version). */
        labels: z.record(z.string(), z.string().max(200)).default({}),
        unit: z.string().trim().max(40).optional(),
        stepSeconds: z.number().int().min(1).max(3600).default(60),
      }),
    )
    .max(100, "Use at most 100 queries per connection.")
    .default([]),
  /** Seconds between pulls. */
  intervalSeconds: z.number().int().min(10).max(3600).default(60),
});

export type PrometheusConnectionConfig = z.infer<typeof prometheusConnectionConfigSchema>;
