import { EnvError, env } from "@/lib/env";

/**
 * Server start-up (Node runtime only): validate the environment, open and migrate the
 * database (seeding the demo on a fresh embedded one) and, unless TANDEM_JOBS=off, run the
 * job workers in this process.
 */
export async function startServer(): Promise<void> {
  try {
    env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    // A clear list of every bad variable beats a stack trace from deep inside a request.
    console.error(error.message);
    process.exit(1);
  }
  const { getDatabaseHandle } = await import("@/lib/db");
  const handle = await getDatabaseHandle();
  if (env().TANDEM_JOBS === "inline") {
    const { startJobs } = await import("@/lib/jobs/start");
    await startJobs(handle, { workers: true });
  }
}
