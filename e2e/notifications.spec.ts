import { expect, pageAs, test } from "./fixtures";

test("an admin adds a notification endpoint, sees its secret once, and pauses it", async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  await page.goto("/settings/notifications");
  await expect(page.getByRole("heading", { name: "Notifications" })).toBeVisible();

  const name = `chat-${Date.now()}`;
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("URL").fill("https://hooks.example.test/tandem");
  await dialog.getByRole("checkbox", { name: "alert.firing" }).check();
  await dialog.getByRole("button", { name: "Add endpoint" }).click();
  await expect(dialog.getByTestId("endpoint-secret")).toHaveText(/^[A-Za-z0-9_-]{43}$/);
  await dialog.getByRole("button", { name: "Done" }).click();

  const row = page.getByTestId(`endpoint-row-${name}`);
  await expect(row).toContainText("alert.firing");
  await expect(row).toContainText("enabled");
  await row.getByRole("button", { name: "Pause" }).click();
  await expect(row).toContainText("paused");
});

test("an engineer cannot open notification settings", async ({ browser }) => {
  const page = await pageAs(browser, "engineer");
  await page.goto("/settings/notifications");
  // The shell streams first, so the refusal shows as the 403 page's content.
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
});
