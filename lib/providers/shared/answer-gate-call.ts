/** How Tandem tells a provider its gate's outcome; provider-specific ids come from ExternalGate.ref. */
export type GateAnswer = { approved: boolean; comment: string };
