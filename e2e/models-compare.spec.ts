import AxeBuilder from "@axe-core/playwright";
import { expect, pageAs, test } from "./fixtures";

/**
 * Assumes the demo data: 3 models × 10 versions, each version with metrics, params that differ
 * between versions (e.g. a learning rate), and metric history. Opens the first model on the
 * models list, ticks three versions, follows Compare, and checks one series per version.
 */
test.describe("model compare", () => {
  test("pick three versions, compare them, one series per version and differing params marked", async ({
    browser,
  }) => {
    const page = await pageAs(browser, "viewer");
    await page.goto("/models");
    await page.getByTestId("models-table").getByRole("link").first().click();
    await expect(page.getByTestId("versions-table")).toBeVisible();

    const boxes = page.getByRole("checkbox", { name: /^Compare v\d+$/ });
    for (let i = 0; i < 3; i++) await boxes.nth(i).check();
    await page.getByTestId("compare-link").click();
    await expect(page).toHaveURL(/\/compare\?versions=\d+,\d+,\d+/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Compare");

    // Metric bars: three bars per metric chart.
    const firstMetric = page.getByTestId("compare-metric").first();
    await expect(firstMetric.locator(".recharts-bar-rectangle")).toHaveCount(3);
    // History overlay and parallel coordinates: one line per version.
    const history = page.getByTestId("history-chart").first();
    await expect(history.locator(".recharts-line")).toHaveCount(3);
    await expect(page.getByTestId("parallel-chart").locator(".recharts-line")).toHaveCount(3);

    // Params diff: at least one differing row is marked; "only differences" hides the rest.
    const params = page.getByTestId("diff-params");
    await expect(params.locator("tr[data-differs]").first()).toBeVisible();
    await page.getByLabel("Only differences").first().check();
    const rows = params.locator("tbody tr");
    const count = await rows.count();
    await expect(params.locator("tbody tr[data-differs]")).toHaveCount(count);

    // The baseline is changeable and lives in the URL.
    const baseline = page.getByLabel(/^Baseline/);
    const options = await baseline.locator("option").allTextContents();
    await baseline.selectOption({ label: options.at(-1)! });
    await expect(page).toHaveURL(/baseline=\d+/);

    const axe = await new AxeBuilder({ page }).analyze();
    const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
  });
});
