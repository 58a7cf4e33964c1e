import AxeBuilder from "@axe-core/playwright";
import { expect, pageAs, test } from "./fixtures";

/**
 * Assumes the demo data: checkout-service has latency_p95_ms for checkout-api in production
 * and a production deployment inside the last 7 days followed by a regression. Alert rules
 * are evaluated by the alerts job every minute (there is no "evaluate now" endpoint), so the
 * firing alert is waited for with a timeout above one evaluation period, never a sleep.
 */
test.describe("monitoring", () => {
  test("a chart marks the deployments in range, and each marker names its version", async ({ browser }) => {
    const page = await pageAs(browser, "viewer");
    await page.goto("/monitoring?project=checkout-service&range=7d");
    const chart = page.getByTestId("series-chart").first();
    await expect(chart).toBeVisible();
    await expect(page.getByRole("link", { name: /^Deployment / }).first()).toBeVisible();
    // Choosing a deployment shades before / after and compares the series around it.
    const compare = page.getByLabel("Compare around deployment");
    const first = await compare.locator("option").nth(1).getAttribute("value");
    await compare.selectOption(first!);
    await expect(page).toHaveURL(/deployment=/);
    await expect(page.getByTestId("before-after")).toContainText("Mean before");
  });

  test("a firing alert appears without a reload after points cross its threshold", async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const page = await pageAs(browser, "engineer");
    await page.goto("/monitoring?project=checkout-service&range=24h");
    await expect(page.getByTestId("series-chart").first()).toBeVisible();

    // Same-origin writes with the browser session (the API refuses cross-origin ones).
    const api = page.request;
    const headers = { origin: baseURL!, "content-type": "application/json" };
    const found = await api.get(
      "/api/v1/series?project=checkout-service&name=latency_p95_ms&environment=production",
    );
    expect(found.status()).toBe(200);
    const series = (await found.json()).items[0] as { id: string; labels: Record<string, string> };

    const ruleName = `e2e latency above 100000 ms ${Date.now()}`;
    const created = await api.post("/api/v1/alert-rules", {
      headers,
      data: {
        seriesId: series.id,
        name: ruleName,
        comparator: "gt",
        threshold: 100_000,
        windowSeconds: 120,
        forSeconds: 0,
        severity: "critical",
      },
    });
    expect(created.status()).toBe(201);
    const ruleId = ((await created.json()) as { rule: { id: string } }).rule.id;

    const now = Date.now();
    const points = Array.from({ length: 6 }, (_, i) => [now - (50 - i * 10) * 1000, 250_000]);
    const sent = await api.post("/api/v1/metrics", {
      headers,
      data: { series: [{ name: "latency_p95_ms", labels: series.labels, unit: "ms", points }] },
    });
    expect(sent.status()).toBe(200);

    // The alerts list polls; the alerts job evaluates every minute.
    const row = page.getByTestId("alerts-table").getByRole("row").filter({ hasText: ruleName });
    await expect(row).toBeVisible({ timeout: 150_000 });
    await expect(row).toContainText("Firing");

    const axe = await new AxeBuilder({ page }).analyze();
    const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

    expect((await api.delete(`/api/v1/alert-rules/${ruleId}`, { headers })).status()).toBeLessThan(300);
  });
});
