/**
 * CSV for the audit export, pure. RFC 4180: fields with a comma, quote, CR or LF are quoted
 * and quotes doubled; rows end with CRLF. Cells that a spreadsheet would run as a formula
 * (=, +, -, @, tab, CR at the start) get a leading apostrophe, so an actor label or a
 * comment cannot execute in whoever opens the file (CSV injection).
 */

export const AUDIT_CSV_COLUMNS = [
  "id",
  "time",
  "actor",
  "action",
  "target_type",
  "target_id",
  "project",
  "data",
] as const;

export type AuditCsvRow = {
  id: number | string;
  createdAt: Date;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  projectSlug: string | null;
  data: Record<string, unknown>;
};

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

export function auditCsvHeader(): string {
  return csvLine(AUDIT_CSV_COLUMNS);
}

export function auditCsvRow(row: AuditCsvRow): string {
  return csvLine([
    row.id,
    row.createdAt.toISOString(),
    row.actorLabel,
    row.action,
    row.targetType,
    row.targetId,
    row.projectSlug,
    JSON.stringify(row.data ?? {}),
  ]);
}
