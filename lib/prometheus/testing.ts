import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A real Prometheus for tests: a tiny exporter (a counter that grows on every scrape and a
 * gauge per room) and the Debian `prometheus` binary scraping it every second. Test code only.
 */

export const PROMETHEUS_BINARY = process.env.PROMETHEUS_BINARY ?? "/usr/bin/prometheus";

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function startExporter(): Promise<{ server: Server; port: number }> {
  let scrapes = 0;
  const server = createServer((req, res) => {
    if (req.url !== "/metrics") {
      res.writeHead(404).end();
      return;
    }
    scrapes += 1;
    const t = Date.now() / 1000;
    res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
    res.end(
      [
        "# HELP tandem_test_requests_total Requests served.",
        "# TYPE tandem_test_requests_total counter",
        `tandem_test_requests_total{route="/api"} ${scrapes * 3}`,
        "# HELP tandem_test_temperature_celsius A gauge that moves.",
        "# TYPE tandem_test_temperature_celsius gauge",
        `tandem_test_temperature_celsius{room="a"} ${(20 + Math.sin(t)).toFixed(3)}`,
        `tandem_test_temperature_celsius{room="b"} ${(25 + Math.cos(t)).toFixed(3)}`,
        "",
      ].join("\n"),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as { port: number }).port };
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

export type TestPrometheus = { baseUrl: string; stop: () => Promise<void>; logs: () => string };

/** Starts the exporter and Prometheus, and resolves once Prometheus is ready and has scraped `minScrapes` times. */
export async function startTestPrometheus(options: { minScrapes?: number } = {}): Promise<TestPrometheus> {
  if (!existsSync(PROMETHEUS_BINARY)) {
    throw new Error(
      `No Prometheus binary at ${PROMETHEUS_BINARY}. Install it: apt-get install -y prometheus (or set PROMETHEUS_BINARY).`,
    );
  }
  const exporter = await startExporter();
  const dir = mkdtempSync(join(tmpdir(), "tandem-prometheus-"));
  const config = join(dir, "prometheus.yml");
  writeFileSync(
    config,
    [
      "global:",
      "  scrape_interval: 1s",
      "  evaluation_interval: 1s",
      "scrape_configs:",
      "  - job_name: tandem-test",
      "    static_configs:",
      `      - targets: ["127.0.0.1:${exporter.port}"]`,
      "",
    ].join("\n"),
  );
  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn(
    PROMETHEUS_BINARY,
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${join(dir, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    await new Promise<void>((resolve) => exporter.server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor("Prometheus to be ready", async () => (await fetch(`${baseUrl}/-/ready`)).ok, 30_000);
    const minScrapes = options.minScrapes ?? 3;
    await waitFor(
      `${minScrapes} scrapes`,
      async () => {
        const url = `${baseUrl}/api/v1/query?query=${encodeURIComponent("count_over_time(tandem_test_requests_total[5m])")}`;
        const body = (await (await fetch(url)).json()) as { data: { result: { value: [number, string] }[] } };
        return Number(body.data.result[0]?.value[1] ?? 0) >= minScrapes;
      },
      30_000,
    );
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\nPrometheus output:\n${output.slice(-2000)}`);
  }
  return { baseUrl, stop, logs: () => output };
}
