import { z } from "zod";

/** Fewest raw samples a reference or a report may have: fewer make the decile bins meaningless. */
export const MIN_SAMPLES = 30;
export const MAX_SAMPLES = 100_000;
const MAX_BINS = 1_000;

const finite = z.number().refine(Number.isFinite, "must be a finite number");
const count = z.number().int("counts are whole numbers").min(0, "counts must not be negative");

const samples = z.object({
  kind: z.literal("samples"),
  values: z
    .array(finite)
    .min(MIN_SAMPLES, `send at least ${MIN_SAMPLES} samples`)
    .max(MAX_SAMPLES, `at most ${MAX_SAMPLES} samples`),
});
const histogram = z
  .object({
    kind: z.literal("histogram"),
    edges: z
      .array(finite)
      .min(2)
      .max(MAX_BINS + 1)
      .describe("Ascending bin edges; bin i is [edges[i], edges[i+1])."),
    counts: z.array(count).min(1).max(MAX_BINS).describe("One count per bin: edges.length - 1 of them."),
  })
  .superRefine((h, issue) => {
    if (h.counts.length !== h.edges.length - 1) {
      issue.addIssue({
        code: "custom",
        path: ["counts"],
        message: `${h.edges.length} edges make ${h.edges.length - 1} bins, but ${h.counts.length} counts were sent`,
      });
    }
    if (h.edges.some((e, i) => i > 0 && e <= h.edges[i - 1]!)) {
      issue.addIssue({ code: "custom", path: ["edges"], message: "edges must be strictly ascending" });
    }
    if (h.counts.reduce((a, b) => a + b, 0) === 0) {
      issue.addIssue({ code: "custom", path: ["counts"], message: "the histogram holds no observations" });
    }
  });
const categorical = z
  .object({ kind: z.literal("categorical"), counts: z.record(z.string().min(1).max(200), count) })
  .refine((c) => Object.keys(c.counts).length > 0 && Object.keys(c.counts).length <= MAX_BINS, {
    path: ["counts"],
    message: `between 1 and ${MAX_BINS} categories`,
  })
  .refine((c) => Object.values(c.counts).some((n) => n > 0), {
    path: ["counts"],
    message: "the categories hold no observations",
  });

export const distributionSchema = z.discriminatedUnion("kind", [samples, histogram, categorical]);

export const FEATURE_NAME = /^[a-zA-Z0-9_.:-]{1,100}$/;
const feature = z.string().regex(FEATURE_NAME, "letters, digits and _ . : - (at most 100)");

export const setBaselineBody = z.object({ reference: distributionSchema });
export const setBaselineInput = setBaselineBody.extend({ modelId: z.uuid(), feature });
export type SetBaselineInput = z.input<typeof setBaselineInput>;

export const submitReportBody = z.object({
  feature,
  window: z
    .object({ start: z.iso.datetime({ offset: true }), end: z.iso.datetime({ offset: true }) })
    .refine((w) => new Date(w.start) < new Date(w.end), {
      path: ["end"],
      message: "the window must end after it starts",
    })
    .describe("The period the current data covers; scores are recorded at its end."),
  distribution: distributionSchema,
  modelVersionId: z
    .uuid()
    .optional()
    .describe("The version that served the data, if known; labels the score series."),
});
export const submitReportInput = submitReportBody.extend({ modelId: z.uuid() });
export type SubmitReportInput = z.input<typeof submitReportInput>;
