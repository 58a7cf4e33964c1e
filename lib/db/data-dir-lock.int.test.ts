import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "./data-dir-lock";

const run = promisify(execFile);
const folders: string[] = [];

function freshFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-lock-"));
  folders.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("embedded data folder lock", () => {
  it("refuses a folder held by another live process, naming it", () => {
    const dir = freshFolder();
    const other = spawn("sleep", ["30"]);
    try {
      fs.writeFileSync(path.join(dir, "tandem.lock"), String(other.pid));
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(
        new RegExp(`in use by another Tandem process \\(pid ${other.pid}\\)`),
      );
    } finally {
      other.kill();
    }
  });

  it("takes over a lock left by a process that died", async () => {
    const dir = freshFolder();
    const dead = spawn("true");
    await new Promise((resolve) => dead.on("exit", resolve));
    fs.writeFileSync(path.join(dir, "tandem.lock"), String(dead.pid));
    const release = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, "tandem.lock"), "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, "tandem.lock"))).toBe(false);
  });

  it("is re-entrant within one process", () => {
    const dir = freshFolder();
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).not.toThrow();
    release();
  });

  it("makes a second process (the seed script) fail at once with a clear message", async () => {
    const dir = freshFolder();
    const release = lockDataDir(dir);
    try {
      const result = await run("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"], {
        env: { ...process.env, TANDEM_DATA_DIR: dir, DATABASE_URL: "" },
      }).then(
        () => ({ code: 0, stderr: "" }),
        (error: { code: number; stderr: string }) => error,
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`in use by another Tandem process (pid ${process.pid})`);
      expect(result.stderr).not.toContain("    at ");
      // "At once": it stopped before opening the database, so PGlite created nothing.
      expect(fs.existsSync(path.join(dir, "pg"))).toBe(false);
    } finally {
      release();
    }
  });
});
