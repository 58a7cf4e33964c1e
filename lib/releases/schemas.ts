import { z } from "zod";
import { runRefSchema } from "@/lib/runs/run-ref";

/**
 * Request shapes of the releases API (`/api/v1/releases`). Free of transforms so the
 * OpenAPI document shows them exactly as a client sends them.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The build run of a release, named the way CI knows it; see runRefSchema. */
export const buildRunRefSchema = runRefSchema;

export const MAX_RELEASE_MODEL_VERSIONS = 100;

export const createReleaseBody = z
  .object({
    /** The project by slug, or by id (`projectId`); exactly one. */
    project: z.string().regex(SLUG, "Use the project's slug.").optional(),
    projectId: z.uuid().optional(),
    /** Unique per project, e.g. `v1.14.2`. */
    version: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[^\s]+$/, "Versions have no spaces."),
    commitSha: z
      .string()
      .trim()
      .regex(/^[0-9a-fA-F]{7,64}$/, "Use a hex commit sha (7 to 64 characters).")
      .optional(),
    artifactUri: text(2000).optional(),
    /** The CI run that built it, by Tandem id or by provider and external id; at most one. */
    buildRunId: z.uuid().optional(),
    buildRun: buildRunRefSchema.optional(),
    /** Model versions of the same project that go out with it. */
    modelVersionIds: z.array(z.uuid()).max(MAX_RELEASE_MODEL_VERSIONS).optional(),
    createdBy: text(300).optional(),
  })
  .refine((v) => Boolean(v.project) !== Boolean(v.projectId), {
    path: ["project"],
    message: "Give either a project slug or a projectId.",
  })
  .refine((v) => !(v.buildRunId && v.buildRun), {
    path: ["buildRun"],
    message: "Give either a buildRunId or a buildRun, not both.",
  })
  .refine(
    (v) => Boolean(v.commitSha || v.artifactUri || v.buildRunId || v.buildRun || v.modelVersionIds?.length),
    {
      path: ["version"],
      message: "A release needs a build (commitSha, artifactUri or build run) or model versions.",
    },
  );
export type CreateReleaseInput = z.input<typeof createReleaseBody>;

export const listReleasesQuery = z.object({
  /** A project by id; the dashboard passes its project switcher's scope instead. */
  projectId: z.uuid().optional(),
  /** Versions starting with this text. */
  q: z.string().trim().max(200).optional(),
  /** Only releases running now in an environment with this slug. */
  environment: z.string().regex(SLUG).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
