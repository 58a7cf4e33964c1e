import definitions from "@octokit/webhooks-examples";
import type { Payload } from "@/lib/providers/shared/testing/payloads";

/**
 * GitHub's own example payloads (from @octokit/webhooks-examples), deep-copied so a test can
 * change one without touching the next test's. Tests only.
 */
export function githubExamples(event: string): Record<string, unknown>[] {
  const definition = definitions.find((d) => d.name === event);
  if (!definition) throw new Error(`@octokit/webhooks-examples has no ${event} examples`);
  return definition.examples.map((example) => structuredClone(example) as unknown as Record<string, unknown>);
}

/** The first example of `event` that matches `pick`. */
export function githubExample(event: string, pick: (example: Payload) => boolean = () => true): Payload {
  const found = githubExamples(event).find(pick);
  if (!found) throw new Error(`no ${event} example matches`);
  return found;
}
