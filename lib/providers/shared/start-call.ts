/** What each provider's start function receives (start-run.ts resolves the connection). */
export type StartCall = {
  baseUrl: string;
  token: string;
  target: {
    repository: string;
    workflow?: string;
    ref: string;
    providerEnvironment?: string;
  };
  /** The target's inputs with Tandem's own added. */
  inputs: Record<string, string>;
};
