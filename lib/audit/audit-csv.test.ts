import { describe, expect, it } from "vitest";
import { auditCsvHeader, auditCsvRow, csvCell, csvLine } from "./audit-csv";

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\rhere", '"cr\rhere"'],
    ["", ""],
    [null, ""],
    [undefined, ""],
    [42, "42"],
    [-1, "-1"],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
  ])("%j → %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe("audit CSV rows", () => {
  it("writes a header and one CRLF-terminated row per event, data as JSON", () => {
    expect(auditCsvHeader()).toBe("id,time,actor,action,target_type,target_id,project,data\r\n");
    const row = auditCsvRow({
      id: 7,
      createdAt: new Date("2026-03-02T12:00:00.000Z"),
      actorLabel: "ann@tandem.local (API token)",
      action: "promotion.comment",
      targetType: "promotion_request",
      targetId: "r1",
      projectSlug: null,
      data: { comment: 'ok, "ship"' },
    });
    expect(row).toBe(
      '7,2026-03-02T12:00:00.000Z,ann@tandem.local (API token),promotion.comment,promotion_request,r1,,"{""comment"":""ok, \\""ship\\""""}"\r\n',
    );
    expect(csvLine(["a", null, 1])).toBe("a,,1\r\n");
  });
});
