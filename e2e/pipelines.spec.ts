import AxeBuilder from "@axe-core/playwright";
import { expect, pageAs, test } from "./fixtures";

/**
 * Assumes the demo seed: runs over 90 days across providers, many on branch `main`, many
 * failed, every run with jobs in stages, and most with a provider URL.
 */
test.describe("pipelines", () => {
  test("filters narrow the list and survive a reload", async ({ browser }) => {
    const page = await pageAs(browser, "viewer");
    await page.goto("/pipelines");
    const table = page.getByTestId("runs-table");
    await expect(table.locator("tbody tr").first()).toBeVisible();

    await page.getByTestId("filter-status").selectOption("failed");
    await expect(page).toHaveURL(/[?&]status=failed/);
    await expect(table.locator('tbody tr:not([data-run-status="failed"])')).toHaveCount(0);
    await expect(table.locator('tbody tr[data-run-status="failed"]').first()).toBeVisible();

    await page.getByTestId("filter-branch").fill("main");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]branch=main/);
    await expect(table.locator("tbody tr").first()).toContainText("main");

    await page.reload();
    await expect(page.getByTestId("filter-status")).toHaveValue("failed");
    await expect(page.getByTestId("filter-branch")).toHaveValue("main");
    await expect(table.locator('tbody tr:not([data-run-status="failed"])')).toHaveCount(0);

    // A branch nobody pushed to empties the list, with a way out.
    await page.getByTestId("filter-branch").fill("no-such-branch-e2e");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByText("No runs match these filters")).toBeVisible();

    const axe = await new AxeBuilder({ page }).analyze();
    const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => v.id)).toEqual([]);
  });

  test("a run page shows the timeline, links back to the provider and to its pipeline", async ({
    browser,
  }) => {
    const page = await pageAs(browser, "viewer");
    await page.goto("/pipelines?status=succeeded");
    await page.getByTestId("run-link").first().click();
    await expect(page).toHaveURL(/\/pipelines\/runs\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByTestId("run-facts")).toContainText("Commit");
    await expect(page.getByTestId("run-timeline").locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(page.getByTestId("run-provider-link")).toHaveAttribute("href", /^https:\/\//);

    const axe = await new AxeBuilder({ page }).analyze();
    const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => v.id)).toEqual([]);

    await page.getByRole("link", { name: /^Runs of / }).click();
    await expect(page).toHaveURL(/\/pipelines\?pipeline=/);
    await expect(page.getByTestId("filter-pipeline")).not.toHaveValue("");
  });

  test("a pipeline page charts duration and success rate over the range", async ({ browser }) => {
    const page = await pageAs(browser, "viewer");
    await page.goto("/pipelines?status=succeeded");
    await page.getByTestId("run-link").first().click();
    await page.getByTestId("run-facts").getByRole("link").first().click();
    await expect(page).toHaveURL(/\/pipelines\/[0-9a-f-]{36}/);
    const trend = page.getByTestId("pipeline-trend");
    await expect(trend.getByRole("heading", { name: "Duration" })).toBeVisible();
    await expect(trend.getByRole("heading", { name: "Success rate" })).toBeVisible();
    await expect(page.getByTestId("pipeline-summary")).toContainText("runs");
  });
});
