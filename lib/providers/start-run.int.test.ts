import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/api/errors";
import {
  type FakeDeployProviders,
  startFakeDeployProviders,
} from "@/lib/connections/testing/fake-deploy-providers";
import { insertProviderConnection } from "@/lib/connections/testing/insert-provider-connection";
import { useTestEncryptionKey } from "@/lib/connections/testing/use-test-encryption-key";
import type { DatabaseHandle } from "@/lib/db/client";
import { expectAppError } from "@/lib/db/test-factories";
import { createTestDatabase } from "@/lib/db/testing";
import { isRetryableProviderError } from "./shared/provider-error";
import { externalIdOf, startProviderRun } from "./start-run";

// The provider calls are the subject here, so one database kind is enough.
describe("startProviderRun against the fake providers", () => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  let fake: FakeDeployProviders;
  let ids: Record<"github" | "gitlab" | "azure_devops", string>;
  beforeAll(async () => {
    useTestEncryptionKey();
    handle = await createTestDatabase("pglite");
    fake = await startFakeDeployProviders();
    ids = {
      github: (await insertProviderConnection(handle.db, "github", fake.githubUrl)).id,
      gitlab: (await insertProviderConnection(handle.db, "gitlab", fake.gitlabUrl)).id,
      azure_devops: (await insertProviderConnection(handle.db, "azure_devops", fake.azureUrl)).id,
    };
  });
  afterAll(async () => {
    await fake?.close();
    await handle?.drop();
  });

  const lastCall = (path: RegExp) => fake.calls.filter((c) => path.test(c.path)).at(-1)!;

  it("dispatches a GitHub workflow with the inputs and returns the run it created", async () => {
    const started = await startProviderRun(
      handle.db,
      {
        connectionId: ids.github,
        kind: "github_workflow_dispatch",
        repository: "acme/api",
        workflow: "deploy.yml",
        ref: "main",
        inputs: { environment: "production" },
      },
      { tandem_version: "1.4.0", tandem_request_id: "req-1" },
    );
    const call = lastCall(/dispatches$/);
    expect(call.path).toBe("/github/repos/acme/api/actions/workflows/deploy.yml/dispatches");
    expect(call.body).toEqual({
      ref: "main",
      inputs: { environment: "production", tandem_version: "1.4.0", tandem_request_id: "req-1" },
      return_run_details: true,
    });
    expect(started.provider).toBe("github");
    expect(started.url).toMatch(/actions\/runs\/\d+$/);
    expect(externalIdOf(started)).toBe(String(started.externalRef.runId));
  });

  it("finds the run through the runs list when the server answers 204 without details", async () => {
    const started = await startProviderRun(
      handle.db,
      {
        connectionId: ids.github,
        kind: "github_workflow_dispatch",
        repository: "acme/api",
        workflow: "legacy.yml",
        ref: "main",
      },
      {},
    );
    const list = lastCall(/legacy\.yml\/runs$/);
    expect(list.method).toBe("GET");
    expect(started.externalRef.runId).toBe(3999);
  });

  it("creates a GitHub deployment in the provider environment without auto-merge or required contexts", async () => {
    const started = await startProviderRun(
      handle.db,
      {
        connectionId: ids.github,
        kind: "github_deployment",
        repository: "acme/api",
        ref: "v1.4.0",
        providerEnvironment: "prod",
      },
      { tandem_version: "1.4.0" },
    );
    expect(lastCall(/deployments$/).body).toMatchObject({
      ref: "v1.4.0",
      environment: "prod",
      payload: { tandem_version: "1.4.0" },
      auto_merge: false,
      required_contexts: [],
    });
    expect(externalIdOf(started)).toBe(String(started.externalRef.deploymentId));
  });

  it("creates a GitLab pipeline with the inputs as variables", async () => {
    const started = await startProviderRun(
      handle.db,
      {
        connectionId: ids.gitlab,
        kind: "gitlab_pipeline",
        repository: "acme/api",
        ref: "main",
        inputs: { TARGET: "prod" },
      },
      { TANDEM_VERSION: "1.4.0" },
    );
    const call = lastCall(/\/pipeline$/);
    expect(call.path).toBe("/gitlab/api/v4/projects/acme%2Fapi/pipeline");
    expect(call.body).toMatchObject({
      ref: "main",
      variables: [
        { key: "TARGET", value: "prod" },
        { key: "TANDEM_VERSION", value: "1.4.0" },
      ],
    });
    expect(started).toMatchObject({ provider: "gitlab", url: expect.stringContaining("/-/pipelines/") });
    expect(externalIdOf(started)).toBe(String(started.externalRef.pipelineId));
  });

  it("runs an Azure DevOps pipeline on the branch with the inputs as variables", async () => {
    const started = await startProviderRun(
      handle.db,
      {
        connectionId: ids.azure_devops,
        kind: "azure_pipeline_run",
        repository: "Fabrikam Fiber",
        workflow: "12",
        ref: "main",
      },
      { tandem_version: "1.4.0" },
    );
    const call = lastCall(/\/runs$/);
    expect(call.path).toBe("/azure/fabrikam/Fabrikam%20Fiber/_apis/pipelines/12/runs");
    expect(call.body).toEqual({
      resources: { repositories: { self: { refName: "refs/heads/main" } } },
      variables: { tandem_version: { value: "1.4.0", isSecret: false } },
    });
    expect(started.provider).toBe("azure_devops");
    expect(started.url).toContain("_build/results?buildId=");
    expect(externalIdOf(started)).toBe(String(started.externalRef.runId));
  });

  it("turns a provider refusal into an AppError in the provider's words, not retryable", async () => {
    const error = await expectAppError(
      startProviderRun(
        handle.db,
        {
          connectionId: ids.github,
          kind: "github_workflow_dispatch",
          repository: "acme/api",
          workflow: "no-dispatch.yml",
          ref: "main",
        },
        {},
      ),
      "upstream",
    );
    expect(error.message).toContain("Workflow does not have 'workflow_dispatch' trigger");
    expect(isRetryableProviderError(error)).toBe(false);
  });

  it("marks a provider outage as retryable", async () => {
    fake.failNext(/\/pipeline$/, 503);
    const error = await expectAppError(
      startProviderRun(
        handle.db,
        { connectionId: ids.gitlab, kind: "gitlab_pipeline", repository: "acme/api", ref: "main" },
        {},
      ),
      "upstream",
    );
    expect(error.message).toContain("GitLab had a server error (503)");
    expect(isRetryableProviderError(error)).toBe(true);
  });

  it("refuses a connection of the wrong kind before calling anyone", async () => {
    const before = fake.calls.length;
    const error = await startProviderRun(
      handle.db,
      { connectionId: ids.gitlab, kind: "azure_pipeline_run", repository: "x", workflow: "1", ref: "main" },
      {},
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("invalid_request");
    expect(fake.calls.length).toBe(before);
  });
});
