import { expect, pageAs, test } from "./fixtures";

test("an engineer creates a scoped token, uses it on the API, and revokes it", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const page = await pageAs(browser, "engineer");
  await page.goto("/overview");
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "API tokens" }).click();
  await expect(page).toHaveURL(/\/account\/tokens/);

  const name = `ci-reporter-${Date.now()}`;
  await page.getByRole("button", { name: "New token" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("checkbox", { name: "runs:read" }).check();
  // Scopes are limited to the engineer's role: approving is not on offer.
  await expect(dialog.getByRole("checkbox", { name: "promotions:approve" })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Create token" }).click();
  const secret = await dialog.getByTestId("token-secret").inputValue();
  expect(secret).toMatch(/^tdm_/);
  await expect(dialog).toContainText("will not be shown again");
  await dialog.getByRole("button", { name: "Done" }).click();

  const api = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${secret}` },
  });
  const runs = await api.get("/api/v1/runs?limit=3");
  expect(runs.status()).toBe(200);
  expect((await runs.json()).items).toHaveLength(3);
  // The token carries only runs:read.
  expect((await api.get("/api/v1/overview/health")).status()).toBe(403);

  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await page.getByRole("button", { name: "Revoke token" }).click();
  await expect.poll(async () => (await api.get("/api/v1/runs?limit=1")).status()).toBe(401);
  await api.dispose();
});

test("an admin revokes someone else's leaked token from Settings → Users", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const engineer = await pageAs(browser, "engineer");
  await engineer.goto("/account/tokens");
  const name = `leaked-${Date.now()}`;
  await engineer.getByRole("button", { name: "New token" }).click();
  const dialog = engineer.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("checkbox", { name: "runs:read" }).check();
  await dialog.getByRole("button", { name: "Create token" }).click();
  const secret = await dialog.getByTestId("token-secret").inputValue();
  const api = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${secret}` },
  });
  expect((await api.get("/api/v1/runs?limit=1")).status()).toBe(200);

  const admin = await pageAs(browser, "admin");
  await admin.goto("/settings/users");
  await admin
    .getByTestId("user-row-engineer@tandem.local")
    .getByRole("button", { name: /API tokens of/ })
    .click();
  const tokens = admin.getByRole("dialog");
  await expect(tokens.getByRole("cell", { name, exact: true })).toBeVisible();
  await tokens.getByRole("button", { name: `Revoke ${name}` }).click();
  await admin.getByRole("button", { name: "Revoke token" }).click();
  await expect(tokens.getByRole("cell", { name, exact: true })).toHaveCount(0);
  await expect.poll(async () => (await api.get("/api/v1/runs?limit=1")).status()).toBe(401);
  await api.dispose();
});
