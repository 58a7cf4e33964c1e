import { describe, expect, it } from "vitest";
import { isImportDue } from "@/lib/mlflow/register-workers";
import { pullOffsets } from "./register-workers";

const now = new Date("2026-03-01T12:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("schedules", () => {
  it("spreads sub-minute Prometheus pulls over the minute and sends longer ones when due", () => {
    expect(pullOffsets(null, 15, now)).toEqual([0, 15, 30, 45]);
    expect(pullOffsets(ago(10), 45, now)).toEqual([0, 45]);
    expect(pullOffsets(ago(100), 300, now)).toEqual([]);
    expect(pullOffsets(ago(298), 300, now)).toEqual([0]);
    expect(pullOffsets(null, 300, now)).toEqual([0]);
  });

  it("imports MLflow once its interval has passed", () => {
    expect(isImportDue(null, 15, now)).toBe(true);
    expect(isImportDue(ago(14 * 60), 15, now)).toBe(false);
    expect(isImportDue(ago(15 * 60 - 2), 15, now)).toBe(true);
  });
});
