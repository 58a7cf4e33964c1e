import AxeBuilder from "@axe-core/playwright";
import { expect, pageAs, test } from "./fixtures";

/**
 * Assumes the demo data: every model version has metrics, per-step history and a training run
 * with a commit; older versions run nowhere now, so their next environment is the first one
 * and nobody has asked to promote them.
 */
test.describe("model version page", () => {
  test("from the model's versions to one version: metrics, history, lineage, and a promotion request", async ({
    browser,
  }) => {
    const page = await pageAs(browser, "engineer");
    await page.goto("/models");
    await page.getByTestId("models-table").getByRole("link").first().click();
    const versions = page.getByTestId("versions-table");
    await expect(versions).toBeVisible();
    const modelPath = new URL(page.url()).pathname;

    const row = versions.getByRole("row").filter({ hasText: "Not deployed" }).first();
    const link = row.getByRole("link", { name: /^v\d+$/ });
    const number = (await link.textContent())!.trim();
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/models/[0-9a-f-]{36}/versions/${number.slice(1)}$`));
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toContainText(number);
    const label = (await heading.locator("span").first().textContent())!.replace(/\s+/g, " ").trim();
    expect(label).toMatch(/^\S+ v\d+$/);
    // The breadcrumbs name the model instead of its id.
    const modelName = label.replace(/ v\d+$/, "");
    const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
    await expect(crumbs.getByRole("link", { name: modelName, exact: true })).toHaveAttribute(
      "href",
      modelPath,
    );

    // Final metrics (primary first), and one history chart per metric with one line each.
    const metrics = page.getByRole("table", { name: `Metrics of ${number}` });
    await expect(metrics.getByRole("row").nth(1)).toContainText("primary");
    const chart = page.getByRole("figure", { name: new RegExp(`history of ${number}$`) }).first();
    await expect(chart.locator(".recharts-line")).toHaveCount(1);

    // Lineage: the commit at the provider, the training run in Tandem, the way back to the model.
    await expect(page.getByTestId("lineage-commit").getByRole("link")).toHaveAttribute(
      "href",
      /\/commit\/[0-9a-f]{7,}$/,
    );
    await expect(page.getByTestId("lineage-run").getByRole("link", { name: /#\d+$/ })).toHaveAttribute(
      "href",
      /^\/pipelines\/runs\/[0-9a-f-]{36}$/,
    );
    await expect(page.getByRole("link", { name: /^Compare with v\d+/ })).toHaveAttribute(
      "href",
      new RegExp(`/compare\\?versions=${number.slice(1)},\\d+$`),
    );
    await expect(
      page.getByRole("table", { name: `Where ${number} runs now, per environment` }),
    ).toBeVisible();

    const axe = await new AxeBuilder({ page }).analyze();
    const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);

    // Request promotion to the next environment; the request shows in the lineage.
    await page.getByRole("button", { name: "Request promotion" }).click();
    const dialog = page.getByRole("dialog", { name: `Request promotion of ${label}` });
    const target = dialog.getByLabel("Target environment");
    const next = (await target.locator("option:checked").textContent())!.trim();
    expect(next).toMatch(/ \(next\)$/);
    const environment = next.replace(/ \(next\)$/, "");
    await dialog
      .getByLabel("Reason")
      .fill("Offline evaluation beats the last run; try it in the first environment.");
    await dialog.getByRole("button", { name: "Request promotion" }).click();
    await expect(dialog.getByTestId("promotion-requested")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);

    const request = page
      .getByTestId("lineage-promotions")
      .getByTestId("lineage-promotion")
      .filter({ hasText: `To ${environment}` })
      .filter({ hasText: "Waiting for approval" });
    await expect(request).toHaveCount(1);
    await request.getByRole("link", { name: `To ${environment}` }).click();
    await expect(page).toHaveURL(/\/approvals\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`→ ${environment}`);
    await expect(page.getByTestId("promotion-status")).toHaveText("Waiting for approval");

    // An unknown version is the 404 page.
    await page.goto(`${modelPath}/versions/99999`);
    await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
  });

  test("a viewer sees the version but not a way to request its promotion", async ({ browser }) => {
    const page = await pageAs(browser, "viewer");
    await page.goto("/models");
    await page.getByTestId("models-table").getByRole("link").first().click();
    await page
      .getByTestId("versions-table")
      .getByRole("link", { name: /^v\d+$/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/versions\/\d+$/);
    const button = page.getByRole("button", { name: "Request promotion" });
    await expect(button).toBeDisabled();
    await expect(page.getByText("Your role (viewer) cannot request promotions.")).toBeVisible();
  });
});
