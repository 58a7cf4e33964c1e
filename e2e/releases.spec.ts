import AxeBuilder from "@axe-core/playwright";
import { expect, pageAs, test } from "./fixtures";

test.describe("releases", () => {
  test("a viewer finds a release from the sidebar and sees its contents and deployments", async ({
    browser,
  }) => {
    const page = await pageAs(browser, "viewer");
    await page.goto("/overview?project=checkout-service");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Releases" }).click();
    await expect(page).toHaveURL(/\/releases\?project=checkout-service$/);
    await expect(page.getByRole("heading", { level: 1, name: "Releases" })).toBeVisible();

    // The filter keeps the URL: releases running in production now (the demo always has one).
    await page.getByLabel("Runs now in").selectOption("production");
    await expect(page).toHaveURL(/[?&]environment=production/);
    const table = page.getByRole("table", { name: /^Releases, newest first/ });
    const row = table
      .getByRole("row")
      .filter({ has: page.getByRole("link") })
      .first();
    await expect(row.getByRole("list", { name: "Deployed in" })).toContainText("Production");
    const version = (await row.getByRole("link").first().textContent())!.trim();
    expect(version).toMatch(/^v\d+\.\d+\.\d+$/);

    const axeList = await new AxeBuilder({ page }).analyze();
    const seriousList = axeList.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(seriousList, JSON.stringify(seriousList, null, 2)).toEqual([]);

    await row.getByRole("link", { name: version }).click();
    await expect(page).toHaveURL(/\/releases\/[0-9a-f-]{36}(\?|$)/);
    await expect(page.getByRole("heading", { level: 1, name: version })).toBeVisible();
    const contents = page.getByTestId("release-contents");
    await expect(contents.getByText("Commit", { exact: true })).toBeVisible();
    await expect(contents.getByRole("link", { name: /#\d+$/ })).toHaveAttribute(
      "href",
      /^\/pipelines\/runs\/[0-9a-f-]{36}$/,
    );
    const production = page.getByRole("region", { name: "Production environment" });
    await expect(production.getByText("Runs here now")).toBeVisible();
    await expect(
      production.getByRole("list", { name: "Deployments to Production" }).getByRole("listitem").first(),
    ).toBeVisible();
    await expect(page.getByText("This release is what runs in production now.")).toBeVisible();
    // Viewers read releases but cannot ask for promotions.
    await expect(page.getByRole("button", { name: "Request promotion" })).toHaveCount(0);

    const axe = await new AxeBuilder({ page }).analyze();
    const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
  });

  test("a release label on the deployments board opens the release", async ({ browser }) => {
    const page = await pageAs(browser, "viewer");
    await page.goto("/deployments");
    const production = page.getByRole("region", { name: "Checkout Service Production" });
    const link = production.getByTestId("board-running").getByRole("link").first();
    const version = (await link.textContent())!.trim();
    await link.click();
    await expect(page).toHaveURL(/\/releases\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: version })).toBeVisible();
  });

  test("an engineer requests a promotion from the release page and sees the request", async ({ browser }) => {
    const page = await pageAs(browser, "engineer");
    // Search Ranking's first release (v1.6.0) was displaced long ago and nobody asks for it in
    // the demo, so it can be promoted to Development again.
    await page.goto("/releases?project=search-ranking");
    await page.getByLabel("Version starts with").fill("v1.6.0");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]q=v1\.6\.0/);
    await page.getByRole("link", { name: "v1.6.0", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "v1.6.0" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Development environment" })).toBeVisible();
    await expect(page.getByText("Nobody has asked to promote this release yet.")).toBeVisible();

    await page.getByRole("button", { name: "Request promotion" }).click();
    const dialog = page.getByRole("dialog", { name: "Request promotion of v1.6.0" });
    await expect(dialog.getByLabel("Target environment").locator("option:checked")).toHaveText(
      "Development (next)",
    );
    await dialog.getByLabel("Reason").fill("Reproduce an old ranking bug on the first release.");
    await dialog.getByRole("button", { name: "Request promotion" }).click();
    await expect(dialog.getByTestId("promotion-requested")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);

    // The page refreshes: the request is listed and links to its own page.
    const request = page
      .getByTestId("release-requests")
      .getByRole("link", { name: "Promote to Development" });
    await expect(request).toBeVisible();
    await request.click();
    await expect(page).toHaveURL(/\/approvals\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("v1.6.0");
  });
});
