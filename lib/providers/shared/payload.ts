import { z } from "zod";

/** A payload that does not have the documented shape; the delivery is marked failed with this message. */
export class InvalidPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidPayloadError";
  }
}

/** Validates the fields a mapper uses; throws InvalidPayloadError naming every bad field. */
export function parsePayload<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new InvalidPayloadError(`${what} payload is not valid: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

// "2016-08-12 15:23:28 UTC" and "2021-04-28 21:50:00 +0200" (GitLab) next to ISO 8601 elsewhere.
const SPACED = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) ?(UTC|Z|[+-]\d{2}:?\d{2})$/;

/**
 * A provider timestamp as a Date, or null when absent or a placeholder (Azure DevOps sends
 * `0001-01-01T00:00:00` for "never").
 */
export function parseProviderTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const spaced = SPACED.exec(value.trim());
  const text = spaced
    ? `${spaced[1]}T${spaced[2]}${spaced[3] === "UTC" ? "Z" : spaced[3]!.replace(/^([+-]\d{2})(\d{2})$/, "$1:$2")}`
    : value.trim();
  const date = new Date(text);
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1971) return null;
  return date;
}

/** A required timestamp field. */
export const zTime = z.string().transform((value, ctx) => {
  const date = parseProviderTime(value);
  if (!date) {
    ctx.addIssue({ code: "custom", message: `not a timestamp: ${value}` });
    return z.NEVER;
  }
  return date;
});

/** An optional timestamp field: missing, null, empty and placeholder values become null. */
export const zOptionalTime = z
  .string()
  .nullish()
  .transform((value) => parseProviderTime(value));

/** A numeric or string id, kept as text (Tandem stores provider ids as text). */
export const zId = z.union([z.number().int(), z.string().min(1).max(200)]).transform(String);

/** A full or abbreviated hex commit sha, lower-cased; anything else (Azure TFVC changesets, GUIDs) is null. */
export function hexSha(value: string | null | undefined): string | null {
  if (!value) return null;
  return /^[0-9a-f]{7,64}$/i.test(value) ? value.toLowerCase() : null;
}

/** An http(s) URL or null: providers send "" and relative links where there is none. */
export function webUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Trims and bounds free text for Tandem's columns; empty becomes null. */
export function text(value: string | null | undefined, max = 300): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  return trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed;
}

/** The first line of a commit message, as a run title. */
export function firstLine(value: string | null | undefined): string | null {
  return text(value?.split("\n")[0], 1000);
}

/** `refs/heads/main` → `main`, `refs/tags/v1` → `v1`; other values unchanged. */
export function shortRef(value: string | null | undefined): string | null {
  if (!value) return null;
  return text(value.replace(/^refs\/(heads|tags)\//, ""), 500);
}
