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
