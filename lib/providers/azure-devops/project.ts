import { z } from "zod";

const named = z.object({ id: z.string().nullish(), name: z.string().nullish() }).nullish();

/** Where Azure DevOps payloads name their project: `resource.project`, the definition's, or only an id. */
export const azureEnvelopeSchema = z.object({
  id: z.string().nullish(),
  createdDate: z.string().nullish(),
  resourceContainers: z.object({ project: z.object({ id: z.string().nullish() }).nullish() }).nullish(),
});

export type AzureProjectHints = {
  project?: z.infer<typeof named>;
  definitionProject?: z.infer<typeof named>;
  containerProjectId?: string | null;
  links?: (string | null | undefined)[];
};

export const azureNamedSchema = named;

/** The project segment of a dev.azure.com link: `https://dev.azure.com/{org}/{project}/_build/...`. */
export function projectFromLink(href: string | null | undefined): string | null {
  if (!href) return null;
  try {
    const parts = new URL(href).pathname.split("/").filter(Boolean);
    const at = parts.findIndex((p) => p === "_build" || p === "_apis" || p === "_git");
    return at > 0 ? decodeURIComponent(parts[at - 1]!) : null;
  } catch {
    return null;
  }
}

/**
 * Config names that can point at this delivery's project, names before ids: run, stage and
 * job events carry no project name, only the project id (in resourceContainers and links),
 * so a connection may list an Azure project by name or by id.
 */
export function azureRepositories(hints: AzureProjectHints): string[] {
  const names = [
    hints.project?.name,
    hints.definitionProject?.name,
    ...(hints.links ?? []).map(projectFromLink),
    hints.project?.id,
    hints.definitionProject?.id,
    hints.containerProjectId,
  ];
  return [...new Set(names.filter((n): n is string => Boolean(n)))];
}
