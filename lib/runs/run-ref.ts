import { z } from "zod";
import { providerEnum } from "@/lib/db/schema/enums";

/**
 * A pipeline run named the way CI knows it: provider and its run id, and the pipeline when two
 * pipelines of the project share that run id. A release's build run and a model version's
 * source run are both given this way.
 */
export const runRefSchema = z.object({
  provider: z.enum(providerEnum.enumValues, { error: "Use one of: github, gitlab, azure_devops, generic." }),
  externalId: z.string().trim().min(1).max(200),
  /** The pipeline's external id; only needed when two pipelines of the project share the run id. */
  pipeline: z.string().trim().min(1).max(300).optional(),
});
export type RunRef = z.infer<typeof runRefSchema>;
