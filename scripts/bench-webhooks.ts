/**
 * `npm run bench:webhooks`: signed GitHub `workflow_run` deliveries through the webhook route
 * handler (`POST /api/webhooks/github/{connectionId}`, called in-process as the route tests
 * do) from BENCH_CLIENTS concurrent clients (default 32) for BENCH_SECONDS (default 20), on a
 * fresh Postgres database (BENCH_DATABASE_URL, default the local server) that it creates and
 * drops. Each delivery is one autocommitted INSERT; after it the connection's drain job is
 * woken through pg-boss (coalesced, at most one send per connection per 200 ms; no workers,
 * as with TANDEM_JOBS=off), as in production. Reports sustained deliveries/s and ack
 * latency, then checks every acknowledged delivery is stored exactly once.
 * BENCH_DRAIN=1 then starts the webhook workers in this process and reports how long the
 * drain takes to normalize every stored delivery (each a new run of the bench project).
 * BENCH_KEEP=1 keeps the database.
 */
import { createHmac, randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import pg from "pg";
import { loadAverage, percentile, stubServerOnly } from "./bench-lib";

stubServerOnly();
process.env.LOG_LEVEL ??= "silent";
// Enqueue through a sender-only pg-boss, as a web process with TANDEM_JOBS=off does.
process.env.TANDEM_JOBS = process.env.BENCH_JOBS ?? "off";
process.env.TANDEM_ENCRYPTION_KEY ??= randomBytes(32).toString("base64url");
const { POST } = await import("@/app/api/webhooks/github/[connectionId]/route");
// Not a React hook despite its name; renamed so the hooks lint rule leaves it alone.
const { useDatabaseHandle: installDatabaseHandle } = await import("@/lib/db");
const { openDatabase } = await import("@/lib/db/client");
const { migrateDatabase } = await import("@/lib/db/migrate");
const { connections, projects } = await import("@/lib/db/schema");
const { seal } = await import("@/lib/crypto/secret-box");
const { githubExample } = await import("@/lib/providers/github/testing/examples");

const SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP_SECONDS = 3;
const POOL = Number(process.env.BENCH_POOL ?? 20);

const name = `tandem_bench_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: SERVER });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(SERVER);
url.pathname = `/${name}`;
const handle = await openDatabase({ url: url.toString(), poolSize: POOL });
let failed = false;
try {
  await migrateDatabase(handle);
  installDatabaseHandle(handle);
  const [project] = await handle.db.insert(projects).values({ slug: "bench", name: "Bench" }).returning();
  const secret = randomBytes(24).toString("base64url");
  const [connection] = await handle.db
    .insert(connections)
    .values({
      kind: "github",
      name: "bench",
      baseUrl: "https://github.com",
      webhookSecretEncrypted: seal(secret),
      config: { repositories: [], defaultProjectId: project!.id },
    })
    .returning();
  const connectionId = connection!.id;
  const params = { params: Promise.resolve({ connectionId }) };
  // One real example payload; each delivery gets its own run id so bodies (and HMACs) differ.
  const example = githubExample("workflow_run", (e) => e.workflow_run.status === "completed");
  const requestFor = (delivery: string, runId: number) => {
    const body = JSON.stringify({ ...example, workflow_run: { ...example.workflow_run, id: runId } });
    return new Request(`http://tandem.bench/api/webhooks/github/${connectionId}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "workflow_run",
        "x-github-delivery": delivery,
        "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
      },
      body,
    });
  };

  const acked = new Set<string>();
  let errors = 0;
  let sequence = 0;
  /** N clients sending back to back until `until`; latency samples only when `record`. */
  const drive = async (until: number, record: boolean) => {
    const samples: number[] = [];
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        while (performance.now() < until) {
          const n = sequence++;
          const delivery = `bench-${client}-${n}`;
          const request = requestFor(delivery, 1_000_000 + n);
          const t = performance.now();
          const response = await POST(request, params);
          const ms = performance.now() - t;
          if (response.status === 202) acked.add(delivery);
          else errors++;
          if (record) samples.push(ms);
        }
      }),
    );
    return samples;
  };

  console.log(`webhooks: ${CLIENTS} clients, ${SECONDS} s, pool ${POOL}; load before ${loadAverage()}`);
  await drive(performance.now() + WARMUP_SECONDS * 1000, false);
  const before = acked.size;
  const started = performance.now();
  const samples = await drive(started + SECONDS * 1000, true);
  const wall = (performance.now() - started) / 1000;
  samples.sort((a, b) => a - b);
  const measured = acked.size - before;

  // Every acknowledged delivery is stored exactly once, and nothing else is.
  const [stored] = (
    await handle.db.execute<{ rows: string; ids: string }>(
      sql`select count(*) as rows, count(distinct delivery_id) as ids from webhook_deliveries where connection_id = ${connectionId}`,
    )
  ).rows;
  const storedIds = new Set(
    (
      await handle.db.execute<{ delivery_id: string }>(
        sql`select delivery_id from webhook_deliveries where connection_id = ${connectionId}`,
      )
    ).rows.map((r) => r.delivery_id),
  );
  const missing = [...acked].filter((id) => !storedIds.has(id)).length;
  // No pgboss schema when BENCH_JOBS=inline (no sender started in this process).
  const jobs = await handle.db
    .execute<{ n: string }>(
      sql`select count(*) filter (where name = 'webhooks-drain') || ' drain / ' || count(*) filter (where name = 'webhooks-normalize') || ' normalize' as n from pgboss.job`,
    )
    .then((r) => r.rows[0])
    .catch(() => ({ n: "none (no job queue)" }));
  const verified = Number(stored!.rows) === acked.size && Number(stored!.ids) === acked.size && missing === 0;
  console.log("| measure | value |\n|---|---|");
  console.log(`| deliveries acknowledged (measured window) | ${measured} in ${wall.toFixed(1)} s |`);
  console.log(`| sustained deliveries/s | ${Math.round(measured / wall)} |`);
  console.log(
    `| ack latency p50 / p95 / p99 / max (ms) | ${percentile(samples, 50).toFixed(1)} / ${percentile(samples, 95).toFixed(1)} / ${percentile(samples, 99).toFixed(1)} / ${samples.at(-1)!.toFixed(1)} |`,
  );
  console.log(`| non-202 answers | ${errors} |`);
  console.log(
    `| stored rows / distinct ids / acknowledged (incl. warm-up) | ${stored!.rows} / ${stored!.ids} / ${acked.size} |`,
  );
  console.log(`| jobs enqueued | ${jobs?.n ?? "?"} |`);
  console.log(`| load average after (1/5/15 min) | ${loadAverage()} |`);
  console.log(
    verified && errors === 0 ? "verified: every acknowledged delivery stored exactly once" : "NOT VERIFIED",
  );
  failed = !verified || errors > 0;
  if (process.env.BENCH_DRAIN === "1") failed = (await measureDrain()) || failed;
} finally {
  const boss = await (globalThis as { __tandemBoss?: Promise<{ stop: (o?: object) => Promise<void> }> })
    .__tandemBoss;
  await boss?.stop({ graceful: false, wait: true }).catch(() => undefined);
  await handle.close();
  if (process.env.BENCH_KEEP !== "1") await admin.query(`drop database ${name} with (force)`);
  else console.log(`kept database ${name}`);
  await admin.end();
}
process.exit(failed ? 1 : 0);

/** Starts the webhook workers on the sender's pg-boss and waits for no delivery to be pending. */
async function measureDrain(): Promise<boolean> {
  const { registerWebhookWorkers } = await import("@/lib/webhooks/register-workers");
  const { senderBoss } = await import("@/lib/webhooks/enqueue");
  const boss = await senderBoss();
  if (!boss) {
    console.log("no job queue: BENCH_DRAIN needs BENCH_JOBS=off (the default)");
    return true;
  }
  const pending = async () =>
    Number(
      (
        await handle.db.execute<{ n: string }>(
          sql`select count(*) as n from webhook_deliveries where outcome = 'pending'`,
        )
      ).rows[0]!.n,
    );
  const waiting = await pending();
  const started = performance.now();
  await registerWebhookWorkers(boss, handle.db);
  const deadline = started + 600_000;
  let left = waiting;
  while (left > 0 && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    left = await pending();
  }
  const seconds = (performance.now() - started) / 1000;
  const outcomes = (
    await handle.db.execute<{ outcome: string; n: string }>(
      sql`select outcome, count(*) as n from webhook_deliveries group by outcome order by outcome`,
    )
  ).rows
    .map((r) => `${r.outcome} ${r.n}`)
    .join(", ");
  console.log(
    `| drain: ${waiting} pending normalized in | ${seconds.toFixed(1)} s (${Math.round((waiting - left) / seconds)}/s); ${outcomes} |`,
  );
  return left > 0;
}
