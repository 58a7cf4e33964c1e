import { z } from "zod";

/** Versions in one comparison: at least two to compare, at most ten to stay readable. */
export const MIN_COMPARED = 2;
export const MAX_COMPARED = 10;

const versionNumber = z.number().int().min(1).max(2_147_483_647);

/** compareVersions' input: version numbers (not ids), so a URL like ?versions=3,7,9 reads well. */
export const compareInput = z.object({
  modelId: z.string(),
  versions: z
    .array(versionNumber)
    .min(MIN_COMPARED, `Pick at least ${MIN_COMPARED} versions.`)
    .max(MAX_COMPARED, `Pick at most ${MAX_COMPARED} versions.`)
    .refine((v) => new Set(v).size === v.length, "Each version once."),
  /** The version deltas are measured against; defaults to production, then `champion`. */
  baseline: versionNumber.nullish(),
});
export type CompareInput = z.input<typeof compareInput>;

/** GET /api/v1/models/{modelId}/compare's query, as a client sends it. */
export const compareQuery = z.object({
  versions: z
    .string()
    .regex(/^\d+(,\d+)*$/, "Use comma-separated version numbers, e.g. 3,7,9.")
    .describe("2 to 10 version numbers, comma-separated."),
  baseline: z
    .string()
    .regex(/^\d+$/, "Use a version number.")
    .optional()
    .describe("Baseline version number."),
  format: z.enum(["json", "csv"]).optional().describe("`csv` answers with a CSV download."),
});

/** "3,7,9" → [3, 7, 9]; anything unparseable is left to compareInput to reject. */
export function parseVersionList(raw: string | null | undefined): number[] {
  if (!raw) return [];
  return raw
    .split(",")
    .filter((s) => s.trim() !== "")
    .map((s) => Number(s.trim()));
}
