import AxeBuilder from "@axe-core/playwright";
import { expect, pageAs, test } from "./fixtures";

test.describe("deployments board", () => {
  test("shows each project's environments in order and answers for a past instant", async ({ browser }) => {
    const page = await pageAs(browser, "viewer");
    await page.goto("/deployments");
    const board = page.getByTestId("deployment-board");
    const checkout = board.getByRole("region", { name: /^Checkout Service / });
    await expect(checkout).toHaveCount(3);
    await expect(checkout.nth(0)).toHaveAccessibleName("Checkout Service Development");
    await expect(checkout.nth(2)).toHaveAccessibleName("Checkout Service Production");
    // Viewers read the board but cannot ask for promotions or rollbacks.
    await expect(board.getByRole("button", { name: "Request promotion" })).toHaveCount(0);

    // A year before the demo's history began, nothing ran anywhere.
    await page.getByLabel("Deployed at").fill("2000-01-01T12:00");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/[?&]at=2000-01-01T/);
    await expect(board.getByText(/^What ran in each environment at/).first()).toBeVisible();
    await expect(page.getByTestId("board-running")).toHaveCount(0);
    await page.getByRole("button", { name: "Now" }).click();
    await expect(page.getByTestId("board-running").first()).toBeVisible();
  });

  test("an engineer can ask to roll production back through the gate", async ({ browser }) => {
    const page = await pageAs(browser, "engineer");
    await page.goto("/deployments");
    const production = page.getByRole("region", { name: "Checkout Service Production" });
    await production
      .getByRole("button", { name: /^Roll back / })
      .first()
      .click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Reason").fill("Error rate doubled after this release.");
    await dialog.getByRole("button", { name: "Request rollback" }).click();
    await dialog.getByRole("link", { name: "Open the request" }).click();
    await expect(page.getByTestId("promotion-status")).toHaveText("Waiting for approval");
    await expect(page.getByTestId("promotion-timeline")).toContainText("asked to roll back to");
  });

  test("an admin sees each environment's gate policy and can link it to a provider", async ({ browser }) => {
    const page = await pageAs(browser, "admin");
    await page.goto("/settings/policies");
    const production = page.getByTestId("policy-checkout-service-production");
    await expect(production).toContainText("approval");
    await production.getByText("Deploy through a provider").click();
    const form = production.getByRole("form", { name: "Deploy target of Production" });
    await expect(form.getByLabel("Start")).toBeVisible();
    await expect(form.getByLabel("Connection")).toBeVisible();

    const axe = await new AxeBuilder({ page }).analyze();
    const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => v.id)).toEqual([]);
  });
});
