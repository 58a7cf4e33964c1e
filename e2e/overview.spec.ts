import AxeBuilder from "@axe-core/playwright";
import { expect, pageAs, test } from "./fixtures";

test.describe("overview", () => {
  test("shows the demo organisation's health, runs, deployments and activity", async ({ browser }) => {
    const page = await pageAs(browser, "admin");
    await page.goto("/overview");
    await expect(page.getByTestId("health-success-rate-value")).toHaveText(/^\d+(\.\d)?\s?%$/);
    await expect(page.getByTestId("health-pending-approvals-value")).not.toHaveText("0");
    await expect(page.getByTestId("health-firing-alerts-value")).toHaveText("1");
    await expect(page.getByTestId("health-failing-pipelines-value")).not.toHaveText("0");
    await expect(page.getByTestId("latest-runs").locator("tbody tr")).toHaveCount(10);
    const matrix = page.getByTestId("deployment-matrix");
    await expect(matrix.locator("tbody tr")).toHaveCount(3);
    await expect(matrix.getByRole("columnheader", { name: "production", exact: false })).toBeVisible();
    await expect(page.getByTestId("activity-feed").locator("li").first()).toBeVisible();
    await expect(
      page
        .getByRole("figure", { name: /Pipeline runs per time bucket/ })
        .locator(".recharts-bar-rectangle")
        .first(),
    ).toBeVisible();
  });

  test("a health card drills down to the list behind it", async ({ browser }) => {
    const page = await pageAs(browser, "engineer");
    await page.goto("/overview");
    await page.getByTestId("health-failing-pipelines").click();
    await expect(page).toHaveURL(/\/pipelines\?.*status=failed/);
  });

  test("the project switcher narrows the overview to one project", async ({ browser }) => {
    const page = await pageAs(browser, "viewer");
    await page.goto("/overview?project=checkout-service");
    await expect(page.getByTestId("deployment-matrix").locator("tbody tr")).toHaveCount(1);
  });

  test("has no serious accessibility violations", async ({ browser }) => {
    const page = await pageAs(browser, "admin");
    await page.goto("/overview");
    await expect(page.getByTestId("latest-runs")).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});
