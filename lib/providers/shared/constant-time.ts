import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Compares two secrets in constant time whatever their lengths: both sides are hashed first,
 * so neither the content nor the length of the expected secret leaks through timing.
 */
export function secretsEqual(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given, "utf8").digest();
  const b = createHash("sha256").update(expected, "utf8").digest();
  return timingSafeEqual(a, b);
}

/** A stable id for a body that came without one: its SHA-256, hex. */
export function bodyDigest(rawBody: string): string {
  return `sha256:${createHash("sha256").update(rawBody, "utf8").digest("hex")}`;
}
