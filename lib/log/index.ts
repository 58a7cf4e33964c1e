import pino from "pino";
import { env } from "@/lib/env";

type GlobalWithLogger = typeof globalThis & { __tandemLogger?: pino.Logger };
const holder = globalThis as GlobalWithLogger;

/** Structured JSON logs on stdout; one logger per process. */
holder.__tandemLogger ??= pino({
  level: env().LOG_LEVEL,
  base: { service: "tandem" },
  redact: {
    paths: ["password", "token", "secret", "*.password", "*.token", "*.secret", "headers.authorization"],
    censor: "[redacted]",
  },
});

export const logger: pino.Logger = holder.__tandemLogger;
