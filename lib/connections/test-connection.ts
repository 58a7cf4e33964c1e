import "server-only";
import { AppError, parseInput } from "@/lib/api/errors";
import { assertCan } from "@/lib/auth/actor";
import type { ServiceContext } from "@/lib/context";
import { open } from "@/lib/crypto/secret-box";
import {
  mlflowConnectionConfigSchema,
  prometheusConnectionConfigSchema,
  providerConnectionConfigSchema,
} from "./config-schema";
import { type CiConnectionKind, isCiConnectionKind } from "./kinds";
import { loadConnectionRow } from "./load-connection";
import { probeAzureDevOps } from "./probes/azure-devops";
import { probeGitHub } from "./probes/github";
import { probeGitLab } from "./probes/gitlab";
import { probeMlflow } from "./probes/mlflow";
import { probePrometheus } from "./probes/prometheus";
import type { ProbeInput, ProbeResult } from "./probes/types";
import { pullAuthHeaders } from "./pull-connection";
import { type ConnectionIdInput, connectionIdInput } from "./schemas";

const PROBES: Record<CiConnectionKind, (input: ProbeInput) => Promise<ProbeResult>> = {
  github: probeGitHub,
  gitlab: probeGitLab,
  azure_devops: probeAzureDevOps,
};

export type TestConnectionResult = ProbeResult & { testedAt: Date };

/**
 * "Test connection": calls the provider with the stored token through its official client
 * (MLflow and Prometheus: their REST APIs, with the stored sign-in, which may be none) and reports what it found (account, each configured repository or project) or the
 * provider's error in plain words. Needs connections:write because it spends the stored
 * credentials. Changes nothing in Tandem; provider failures are a result, not a thrown error.
 */
export async function testConnection(
  ctx: ServiceContext,
  rawInput: ConnectionIdInput & { timeoutMs?: number },
): Promise<TestConnectionResult> {
  assertCan(ctx.actor, "connections:write");
  const input = parseInput(connectionIdInput, rawInput);
  const row = await loadConnectionRow(ctx.db, input.id);
  if (row.kind === "mlflow" || row.kind === "prometheus") {
    return { ...(await probePull(row, rawInput.timeoutMs)), testedAt: new Date() };
  }
  if (!isCiConnectionKind(row.kind)) {
    throw new AppError("invalid_request", `Testing ${row.kind} connections is not supported here.`);
  }
  if (!row.credentialsEncrypted) {
    throw new AppError("invalid_request", "This connection has no token; add one and test again.");
  }
  const config = providerConnectionConfigSchema.safeParse(row.config ?? {});
  const result = await PROBES[row.kind]({
    baseUrl: row.baseUrl,
    token: open(row.credentialsEncrypted),
    repositories: config.success ? config.data.repositories.map((r) => r.name) : [],
    timeoutMs: rawInput.timeoutMs,
  });
  return { ...result, testedAt: new Date() };
}

/** MLflow and Prometheus: the stored sign-in is optional, and the config says what to look up. */
async function probePull(
  row: Awaited<ReturnType<typeof loadConnectionRow>>,
  timeoutMs?: number,
): Promise<ProbeResult> {
  const headers = pullAuthHeaders(row.credentialsEncrypted);
  if (row.kind === "mlflow") {
    const config = mlflowConnectionConfigSchema.safeParse(row.config ?? {});
    return probeMlflow({
      baseUrl: row.baseUrl,
      headers,
      models: config.success ? config.data.models : [],
      timeoutMs,
    });
  }
  const config = prometheusConnectionConfigSchema.safeParse(row.config ?? {});
  return probePrometheus({
    baseUrl: row.baseUrl,
    headers,
    queries: config.success ? config.data.queries : [],
    timeoutMs,
  });
}
