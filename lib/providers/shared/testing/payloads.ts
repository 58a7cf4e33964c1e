/**
 * Provider payloads in tests: deep JSON that tests reach into by path and edit. Tests only.
 */
// biome-ignore lint/suspicious/noExplicitAny: test payloads are loosely typed JSON, edited by path.
export type Payload = Record<string, any>;

/** A deep copy a test may change without touching the fixture. */
export function editable(value: unknown): Payload {
  return structuredClone(value) as Payload;
}
