import { createHmac, randomUUID } from "node:crypto";
import { type FakeGitHub, fakeRuns, startFakeGitHub } from "../lib/connections/testing/fake-github";
import { expect, pageAs, test } from "./fixtures";

/**
 * Sync and live webhooks end to end: an admin connects GitHub (a fake GitHub API on
 * 127.0.0.1 started by this test), presses "Sync now", sees the synced runs in Pipelines,
 * and a signed workflow_run webhook then changes a run's status on screen without a reload.
 *
 * Assumes: the server runs its job workers (TANDEM_JOBS=inline, the default), loopback
 * http base URLs are accepted for GitHub, the demo project "Checkout Service" exists, the
 * "Add connection" dialog keeps its labels, and the Pipelines list refreshes on its own
 * while a run is in progress.
 */

const TOKEN = "ghp_e2e_sync_token";
const REPO = "acme/sync-e2e";
const WORKFLOW = "Sync E2E";

test.describe("provider sync", () => {
  let github: FakeGitHub;
  const runs = fakeRuns(3, new Date(Date.now() - 2 * 3600_000), 77_000_001).map((run) => ({
    ...run,
    name: WORKFLOW,
    workflow_id: 777_001,
  }));
  // The newest run is still going, so the webhook below can finish it.
  const live = runs[0]!;
  Object.assign(live, { status: "in_progress", conclusion: null, updated_at: live.created_at });

  test.beforeAll(async () => {
    github = await startFakeGitHub({ token: TOKEN, repositories: { [REPO]: 1 }, runs: { [REPO]: runs } });
  });
  test.afterAll(async () => {
    await github?.close();
  });

  test("an admin connects GitHub, syncs, and a webhook updates a run live", async ({ browser }) => {
    const page = await pageAs(browser, "admin");
    const name = `GitHub sync ${randomUUID().slice(0, 6)}`;
    await page.goto("/settings/connections");
    await page.getByRole("button", { name: "Add connection" }).click();
    const dialog = page.getByRole("dialog", { name: "Add connection" });
    await dialog.getByLabel("Provider").selectOption("github");
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByLabel("Base URL").fill(github.baseUrl);
    await dialog.getByLabel("Access token").fill(TOKEN);
    // The mapping starts empty; add the one repository this connection watches.
    if ((await dialog.getByLabel("Repository", { exact: false }).count()) === 0)
      await dialog.getByRole("button", { name: "Add repository" }).click();
    await dialog.getByLabel("Repository", { exact: false }).first().fill(REPO);
    await dialog.getByLabel("Project", { exact: false }).first().selectOption({ label: "Checkout Service" });
    await dialog.getByRole("button", { name: "Add connection" }).click();
    await expect(dialog).toBeHidden();

    await page.goto("/settings/connections");
    await page.getByRole("link", { name }).click();
    await expect(page).toHaveURL(/\/settings\/connections\/[0-9a-f-]{36}$/);
    const connectionId = page.url().split("/").pop()!;

    await page.getByRole("button", { name: "Sync now" }).click();
    const runsBar = page.getByRole("progressbar", { name: `Runs and jobs, ${REPO} progress` });
    await expect(runsBar).toHaveAttribute("aria-valuenow", "100", { timeout: 30_000 });
    await expect(page.getByTestId("sync-scope").filter({ hasText: "Runs and jobs" }).first()).toContainText(
      "3 of 3",
    );
    await expect(page.getByTestId("rate-limit")).toContainText(/of 5,000 requests left, resets \d\d:\d\d/);
    // The sync called the fake through Octokit, with the token.
    expect(github.requests.some((r) => r.path === `/repos/${REPO}/actions/runs`)).toBe(true);

    await page.getByRole("button", { name: "Reveal secret" }).click();
    const secretInput = page.getByTestId("webhook-secret");
    await expect(secretInput).not.toHaveValue("");
    const secret = await secretInput.inputValue();

    await page.goto("/pipelines?provider=github");
    const table = page.getByTestId("runs-table");
    const liveRow = table.getByRole("row").filter({ hasText: `${WORKFLOW} #${live.run_number}` });
    await expect(liveRow).toHaveAttribute("data-run-status", "running");
    await expect(table.getByRole("row").filter({ hasText: WORKFLOW })).toHaveCount(3);

    // GitHub finishes the run and says so by webhook, signed with the connection's secret.
    const finishedAt = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
    const body = JSON.stringify({
      action: "completed",
      workflow_run: {
        ...live,
        jobs: undefined,
        status: "completed",
        conclusion: "failure",
        updated_at: finishedAt,
      },
      workflow: { name: WORKFLOW, html_url: `https://github.com/${REPO}/actions/workflows/ci.yml` },
      repository: { full_name: REPO, html_url: `https://github.com/${REPO}` },
    });
    const signature = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
    const response = await page.request.post(`/api/webhooks/github/${connectionId}`, {
      headers: {
        "content-type": "application/json",
        "x-github-event": "workflow_run",
        "x-github-delivery": randomUUID(),
        "x-hub-signature-256": signature,
      },
      data: body,
    });
    expect(response.status()).toBeLessThan(300);

    // No reload: the list's own refresh brings the new status.
    await expect(liveRow).toHaveAttribute("data-run-status", "failed", { timeout: 30_000 });
  });
});
