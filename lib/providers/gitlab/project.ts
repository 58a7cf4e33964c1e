import { z } from "zod";
import { webUrl, zId } from "@/lib/providers/shared/payload";
import type { PipelineDraft } from "@/lib/providers/shared/types";

/** The `project` object every GitLab CI hook carries. */
export const gitlabProjectSchema = z.object({
  id: zId,
  name: z.string().nullish(),
  path_with_namespace: z.string().min(1),
  web_url: z.string().nullish(),
});
export type GitlabProject = z.infer<typeof gitlabProjectSchema>;

/** Config names that can point at this project: its path (`group/project`) or its numeric id. */
export function gitlabRepositories(project: GitlabProject): string[] {
  return [project.path_with_namespace, project.id];
}

/**
 * A GitLab project has one CI pipeline definition (its .gitlab-ci.yml), so the project is
 * Tandem's pipeline and each GitLab pipeline is a run of it.
 */
export function gitlabPipeline(project: GitlabProject): PipelineDraft {
  return {
    provider: "gitlab",
    externalId: project.id,
    name: project.path_with_namespace,
    repository: project.path_with_namespace,
    url: project.web_url ? webUrl(`${project.web_url}/-/pipelines`) : null,
  };
}

/** The web page of a job (builds carry no URL of their own). */
export function gitlabJobUrl(project: GitlabProject, jobId: string): string | null {
  return project.web_url ? webUrl(`${project.web_url}/-/jobs/${jobId}`) : null;
}
