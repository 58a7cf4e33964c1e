import { DEMO_PASSWORD, emailOf, expect, ROLES, test } from "./fixtures";

test.describe("sign-in", () => {
  for (const role of ROLES) {
    test(`${role} signs in with the form and reaches the overview`, async ({ page }) => {
      await page.goto("/overview");
      await expect(page).toHaveURL(/\/sign-in/);
      await page.getByLabel("Email").fill(emailOf(role));
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page).toHaveURL(/\/overview/);
      await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
      await page.getByRole("button", { name: "User menu" }).click();
      await expect(page.getByRole("menu")).toContainText(emailOf(role));
      await expect(page.getByRole("menu")).toContainText(role);
    });
  }

  test("a wrong password is refused with a clear message", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(emailOf("admin"));
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("demo mode lists every demo account on the sign-in page", async ({ page }) => {
    await page.goto("/sign-in");
    const list = page.getByRole("list", { name: "Demo accounts" });
    for (const email of ["admin", "approver", "approver2", "engineer", "viewer"]) {
      await expect(list).toContainText(`${email}@tandem.local`);
    }
  });

  test("sign-out ends the session", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: `Use ${emailOf("engineer")}` }).click();
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/overview/);
    await page.getByRole("button", { name: "User menu" }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/overview");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
