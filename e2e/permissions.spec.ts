import { expect, pageAs, storageStateOf, test } from "./fixtures";

test.describe("roles and permissions", () => {
  test("a viewer cannot reach Settings or the audit log", async ({ browser }) => {
    const page = await pageAs(browser, "viewer");
    await page.goto("/overview");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Overview" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
    // The shell streams first, so the refusal shows as the 403 page's content, not the status line.
    for (const path of ["/settings/users", "/audit"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
      await expect(page.getByRole("table")).toHaveCount(0);
    }
  });

  test("the create-user server action refuses a viewer and stores nothing", async ({ browser }) => {
    const admin = await pageAs(browser, "admin");
    await admin.goto("/settings/users");
    const adminEmail = `e2e-${Date.now()}@example.test`;
    await admin.getByRole("button", { name: "New user" }).click();
    const dialog = admin.getByRole("dialog", { name: "New user" });
    await dialog.getByLabel("Name").fill("E2E Person");
    await dialog.getByLabel("Email").fill(adminEmail);
    await dialog.getByLabel("Role").selectOption("engineer");
    await dialog.getByLabel("Initial password").fill("correct-horse-battery");
    // Capture the exact server-action request the browser sends, to replay it as a viewer.
    const actionRequest = admin.waitForRequest(
      (r) => r.method() === "POST" && Boolean(r.headers()["next-action"]),
    );
    await dialog.getByRole("button", { name: "Add user" }).click();
    const captured = await actionRequest;
    await expect(admin.getByRole("cell", { name: adminEmail })).toBeVisible();

    const viewerEmail = `viewer-attempt-${Date.now()}@example.test`;
    const viewer = await browser.newContext({ storageState: storageStateOf("viewer") });
    const headers = captured.headers();
    const replay = await viewer.request.post(captured.url(), {
      headers: {
        "next-action": headers["next-action"]!,
        "content-type": headers["content-type"] ?? "text/plain;charset=UTF-8",
        accept: "text/x-component",
        origin: new URL(captured.url()).origin,
      },
      data: captured.postData()!.replace(adminEmail, viewerEmail),
    });
    expect(await replay.text()).toContain("does not allow users:write");

    const list = await admin.request.get("/api/v1/users?limit=500");
    const emails = ((await list.json()).items as { email: string }[]).map((u) => u.email);
    expect(emails).toContain(adminEmail);
    expect(emails).not.toContain(viewerEmail);
  });

  test("disabling a user ends their access on the next request", async ({ browser }) => {
    const admin = await pageAs(browser, "admin");
    await admin.goto("/settings/users");
    const email = `disable-me-${Date.now()}@example.test`;
    const created = await admin.request.post("/api/v1/users", {
      headers: { origin: new URL(admin.url()).origin },
      data: { email, name: "Short Lived", role: "engineer", password: "correct-horse-battery" },
    });
    expect(created.status()).toBe(201);
    const { user } = await created.json();

    const person = await (await browser.newContext()).newPage();
    await person.goto("/sign-in");
    await person.getByLabel("Email").fill(email);
    await person.getByLabel("Password").fill("correct-horse-battery");
    await person.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(person).toHaveURL(/\/overview/);

    const disabled = await admin.request.patch(`/api/v1/users/${user.id}`, {
      headers: { origin: new URL(admin.url()).origin },
      data: { disabled: true },
    });
    expect(disabled.status()).toBe(200);

    await person.goto("/overview");
    await expect(person).toHaveURL(/\/sign-in/);
  });
});
