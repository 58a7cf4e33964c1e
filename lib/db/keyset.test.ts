import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/api/errors";
import { decodeCursor, encodeCursor, toPage } from "./keyset";

describe("keyset cursors", () => {
  it("round-trips a cursor", () => {
    const cursor = { at: new Date("2026-01-02T03:04:05.678Z"), id: "3f1c" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it("treats an absent cursor as the first page", () => {
    expect(decodeCursor(undefined)).toBeNull();
    expect(decodeCursor("")).toBeNull();
  });

  it("rejects a forged or garbled cursor with a 400", () => {
    expect(() => decodeCursor("not-a-cursor")).toThrow(AppError);
    const forged = Buffer.from(JSON.stringify({ at: "yesterday", id: "x" })).toString("base64url");
    try {
      decodeCursor(forged);
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).status).toBe(400);
    }
  });

  it("emits a next cursor only when more rows exist", () => {
    const rows = [1, 2, 3].map((n) => ({ id: String(n), at: new Date(Date.UTC(2026, 0, n)) }));
    const full = toPage(rows, 2, (r) => r);
    expect(full.items.map((r) => r.id)).toEqual(["1", "2"]);
    expect(decodeCursor(full.nextCursor)).toEqual({ at: rows[1]!.at, id: "2" });
    expect(toPage(rows, 3, (r) => r).nextCursor).toBeNull();
  });
});
