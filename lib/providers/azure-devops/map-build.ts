import { z } from "zod";
import {
  hexSha,
  parsePayload,
  shortRef,
  text,
  webUrl,
  zId,
  zOptionalTime,
} from "@/lib/providers/shared/payload";
import type { WebhookEffect } from "@/lib/providers/shared/types";
import { azureRunStatus } from "./map-status";
import { azureEnvelopeSchema, azureNamedSchema, azureRepositories } from "./project";

const identity = z.object({ displayName: z.string().nullish() }).nullish();

const schema = azureEnvelopeSchema.extend({
  resource: z.object({
    id: zId,
    buildNumber: z.string().nullish(),
    status: z.string(),
    result: z.string().nullish(),
    reason: z.string().nullish(),
    queueTime: zOptionalTime,
    startTime: zOptionalTime,
    finishTime: zOptionalTime,
    lastChangedDate: zOptionalTime,
    sourceBranch: z.string().nullish(),
    sourceVersion: z.string().nullish(),
    requestedFor: identity,
    requests: z.array(z.object({ requestedFor: identity })).nullish(),
    definition: z.object({ id: zId, name: z.string().min(1), project: azureNamedSchema }),
    project: azureNamedSchema,
    repository: z.object({ name: z.string().nullish() }).nullish(),
    _links: z.object({ web: z.object({ href: z.string() }).nullish() }).nullish(),
  }),
});

/**
 * `build.complete`: a finished build of a definition (a classic or YAML pipeline). Its id is
 * the pipeline run id, so it lands on the same run as the run-state-changed events.
 */
export function mapAzureBuild(body: unknown): WebhookEffect {
  const payload = parsePayload(schema, body, "build.complete");
  const b = payload.resource;
  const status = azureRunStatus(b.status, b.result);
  const finished = status !== "queued" && status !== "running";
  const eventTime = zOptionalTime.parse(payload.createdDate);
  const webLink = b._links?.web?.href;
  return {
    kind: "run",
    repositories: azureRepositories({
      project: b.project,
      definitionProject: b.definition.project,
      containerProjectId: payload.resourceContainers?.project?.id,
      links: [webLink],
    }),
    draft: {
      pipeline: {
        provider: "azure_devops",
        externalId: b.definition.id,
        name: text(b.definition.name)!,
        repository: text(b.repository?.name, 500),
      },
      run: {
        externalId: b.id,
        status,
        title: text(b.buildNumber, 1000),
        commitSha: hexSha(b.sourceVersion),
        branch: shortRef(b.sourceBranch),
        actor: text(b.requestedFor?.displayName ?? b.requests?.[0]?.requestedFor?.displayName),
        trigger: text(b.reason, 100),
        url: webUrl(webLink),
        queuedAt: b.queueTime ?? b.startTime ?? eventTime ?? new Date(0),
        startedAt: b.startTime,
        finishedAt: finished ? (b.finishTime ?? eventTime) : null,
        providerUpdatedAt: b.lastChangedDate ?? b.finishTime ?? eventTime,
      },
    },
  };
}
