import { expect, pageAs, pageAsAccount, test } from "./fixtures";

type ListItem = { id: string; label: string; requestedBy: string };

test.describe("approval gates", () => {
  test("the second approver reviews the evidence, approves, and the deployment follows", async ({
    browser,
  }) => {
    const page = await pageAsAccount(browser, "approver2");
    await page.goto("/approvals");
    // The demo's fraud-classifier → production request needs two approvals; Priya gave one.
    await page
      .getByTestId("promotion-row")
      .filter({ hasText: "Production" })
      .getByRole("link", { name: /^fraud-classifier v\d+/ })
      .click();
    await expect(page).toHaveURL(/\/approvals\/[0-9a-f-]{36}$/);

    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toContainText("→ Production");
    const label = (await heading.locator(".font-mono").textContent())!.trim();
    expect(label).toMatch(/^fraud-classifier v\d+$/);
    await expect(page.getByTestId("promotion-summary")).toHaveText("Waiting for: 1 more approval");
    await expect(page.getByTestId("approval-count")).toHaveText("1 of 2 approvals");
    await expect(page.getByTestId("approvals-list")).toContainText("Priya Approver approved");

    const checks = page.getByTestId("checks-list");
    await expect(
      checks.getByTestId("check").filter({ hasText: "auc at most 0.005 lower than Production" }),
    ).toHaveAttribute("data-status", "passed");
    await expect(page.getByTestId("metric-compare").getByTestId("metric-row").first()).toContainText("auc");
    await expect(
      page
        .getByRole("figure", { name: /^Metrics of fraud-classifier v\d+ against fraud-classifier v\d+/ })
        .locator(".recharts-bar-rectangle")
        .first(),
    ).toBeVisible();

    await page.getByLabel("Comment").fill("Recall and AUC hold up against the champion; ship it.");
    await page.getByRole("button", { name: "Approve", exact: true }).click();
    await expect(page.getByTestId("promotion-status")).toHaveText("Deployed");
    await expect(page.getByTestId("approvals-list")).toContainText("Omar Approver approved");
    await expect(page.getByTestId("promotion-timeline")).toContainText(`${label} was deployed to production`);

    await page.goto("/overview");
    const fraud = page.getByTestId("deployment-matrix").getByRole("row", { name: /Fraud Detection/ });
    // Columns after the project: development, staging, production.
    await expect(fraud.getByRole("cell").nth(2)).toContainText(label, { timeout: 10_000 });
  });

  test("the engineer who asked for a promotion cannot approve it, and is told why", async ({ browser }) => {
    const page = await pageAs(browser, "engineer");
    await page.goto("/approvals");
    const origin = new URL(page.url()).origin;
    // Take one of Erin's own pending requests, withdraw it from its page, and ask again by API.
    const list = await page.request.get("/api/v1/promotions?limit=50");
    const mine = ((await list.json()).items as ListItem[]).find(
      (item) => item.requestedBy === "Erin Engineer" && !item.label.startsWith("fraud-classifier"),
    );
    expect(mine, "the demo has a pending request by the engineer").toBeTruthy();
    await page.goto(`/approvals/${mine!.id}`);
    await page.getByRole("button", { name: "Cancel request" }).click();
    await expect(page.getByTestId("promotion-status")).toHaveText("Cancelled");

    const detail = await (await page.request.get(`/api/v1/promotions/${mine!.id}`)).json();
    const subject =
      detail.candidate.kind === "release"
        ? { releaseId: detail.candidate.id }
        : { modelVersionId: detail.candidate.id };
    const created = await page.request.post("/api/v1/promotions", {
      headers: { origin },
      data: {
        ...subject,
        environment: detail.environment.slug,
        reason: "Asking again after a fix to the notes.",
      },
    });
    expect(created.status()).toBe(201);
    const { request } = await created.json();

    await page.goto(`/approvals/${request.id}`);
    await expect(page.getByTestId("promotion-status")).toHaveText("Waiting for approval");
    await expect(page.getByRole("button", { name: "Approve", exact: true })).toBeDisabled();
    await expect(page.getByTestId("approve-refusal")).toContainText(
      "You asked for this promotion; this environment's policy does not allow self-approval",
    );
    const refused = await page.request.post(`/api/v1/promotions/${request.id}/approve`, {
      headers: { origin },
      data: {},
    });
    expect(refused.status()).toBe(403);
  });
});
