import type { SeedProvider } from "./catalog";
import type { PlannedRun } from "./plan-types";
import { JOB_ID_SEQUENCES, jobExternalId, jobUrl, RUN_ID_SEQUENCES, runnerName, runUrl } from "./providers";
import type { Random } from "./random";

/**
 * Gives every run and job its provider id, run number and link. Done once all runs are
 * planned (deployments add runs late), so ids grow with time across each provider.
 */
export function assignProviderIds(random: Random, runs: PlannedRun[]): void {
  const byTime = [...runs].sort(
    (a, b) => a.row.queuedAt.getTime() - b.row.queuedAt.getTime() || a.row.id.localeCompare(b.row.id),
  );
  const runIds = counters(random, RUN_ID_SEQUENCES);
  const jobIds = counters(random, JOB_ID_SEQUENCES);
  const runNumbers = new Map<string, number>();

  for (const run of byTime) {
    const provider = run.spec.provider;
    const externalId = String(runIds[provider]());
    const runNumber = (runNumbers.get(run.row.pipelineId) ?? random.int(150, 1400)) + 1;
    runNumbers.set(run.row.pipelineId, runNumber);
    run.row.externalId = externalId;
    run.row.runNumber = runNumber;
    run.row.url = runUrl(run.spec, externalId);
    for (const job of run.jobs) {
      job.runId = run.row.id;
      job.externalId = jobExternalId(provider, jobIds[provider], random);
      job.url = jobUrl(run.spec, externalId, job.externalId);
      job.runner = job.startedAt ? runnerName(run.spec, job.name, random) : null;
    }
  }
}

function counters(
  random: Random,
  sequences: Record<SeedProvider, { start: number; gap: [number, number] }>,
): Record<SeedProvider, () => number> {
  const make = ({ start, gap }: { start: number; gap: [number, number] }) => {
    let value = start;
    return () => {
      value += random.int(gap[0], gap[1]);
      return value;
    };
  };
  return {
    github: make(sequences.github),
    gitlab: make(sequences.gitlab),
    azure_devops: make(sequences.azure_devops),
  };
}
