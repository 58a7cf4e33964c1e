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

  test("an engineer asks from the deployments board; the approver reviews, approves, and it shows everywhere", async ({
    browser,
  }) => {
    const engineer = await pageAs(browser, "engineer");
    await engineer.goto("/deployments");
    // The demo's Search Ranking staging runs a query-embedder version that production does not
    // run yet and nobody has asked for (the pending demo requests are fraud-classifier and ranker).
    const staging = engineer
      .getByRole("region", { name: "Search Ranking Staging" })
      .getByTestId("board-running")
      .filter({ hasText: /^query-embedder v\d+/ });
    const label = (await staging.locator(".font-mono").first().textContent())!
      .trim()
      .replace(/rollback$/, "")
      .trim();
    expect(label).toMatch(/^query-embedder v\d+$/);
    await staging.getByRole("button", { name: "Request promotion" }).click();

    const dialog = engineer.getByRole("dialog", { name: `Request promotion of ${label}` });
    const target = dialog.getByLabel("Target environment");
    await expect(target.locator("option:checked")).toHaveText("Production (next)");
    // Engineers cannot declare an emergency.
    await expect(dialog.getByLabel("Emergency override")).toHaveCount(0);
    await dialog.getByRole("button", { name: "Request promotion" }).click();
    await expect(dialog.getByText("Say why this should be promoted.")).toBeVisible();
    await dialog.getByLabel("Reason").fill("New embedder cuts p95 latency; offline eval holds nDCG.");
    await dialog.getByRole("button", { name: "Request promotion" }).click();
    await dialog.getByRole("link", { name: "Open the request" }).click();
    await expect(engineer).toHaveURL(/\/approvals\/[0-9a-f-]{36}$/);
    const requestUrl = engineer.url();

    // The requester cannot approve, and the page says why.
    await expect(engineer.getByTestId("promotion-status")).toHaveText("Waiting for approval");
    await expect(engineer.getByRole("button", { name: "Approve", exact: true })).toBeDisabled();
    await expect(engineer.getByTestId("approve-refusal")).toContainText("You asked for this promotion");
    await engineer
      .getByRole("form", { name: "Discussion" })
      .getByLabel("Message")
      .fill("Latency numbers in the run.");
    await engineer.getByRole("button", { name: "Post comment" }).click();
    await expect(engineer.getByTestId("promotion-timeline")).toContainText(
      "commented: “Latency numbers in the run.”",
    );

    const approver = await pageAs(browser, "approver");
    await approver.goto(requestUrl);
    await expect(approver.getByRole("heading", { level: 1 })).toContainText("→ Production");
    await expect(approver.getByTestId("checks-list").getByTestId("check").first()).toBeVisible();
    await expect(approver.getByTestId("metric-compare")).toBeVisible();
    await expect(approver.getByTestId("promotion-timeline")).toContainText("Latency numbers in the run.");
    await approver.getByLabel("Comment").fill("Evidence checked; approving.");
    await approver.getByRole("button", { name: "Approve", exact: true }).click();
    await expect(approver.getByTestId("promotion-status")).toHaveText("Deployed");

    await approver.goto("/deployments");
    await expect(
      approver.getByRole("region", { name: "Search Ranking Production" }).getByTestId("board-running"),
    ).toContainText([label]);

    const admin = await pageAs(browser, "admin");
    await admin.goto("/audit?action=promotion.deploy");
    await expect(admin.getByTestId("audit-row").first()).toContainText("promotion.deploy");
    const csv = await admin.request.get("/api/v1/audit/export?action=promotion.deploy");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(await csv.text()).toContain(label);
  });
});
