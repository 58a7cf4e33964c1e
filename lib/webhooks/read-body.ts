import "server-only";
import { AppError } from "@/lib/api/errors";

/**
 * The most a webhook body may weigh: 1 MiB. GitHub caps its payloads at 25 MB, but the
 * events Tandem uses are a few kilobytes (a GitLab pipeline with hundreds of jobs stays
 * well under this); anything larger is refused with 413 before it is parsed or stored.
 */
export const WEBHOOK_BODY_LIMIT_BYTES = 1024 * 1024;

function tooLarge(): AppError {
  return new AppError(
    "payload_too_large",
    `Webhook bodies are limited to ${WEBHOOK_BODY_LIMIT_BYTES} bytes.`,
  );
}

/**
 * Reads the raw body as UTF-8 text, refusing (413) as soon as it passes the limit, so an
 * oversized or endless body is never buffered whole. Signatures are checked over this text.
 */
export async function readBodyWithLimit(request: Request, limit = WEBHOOK_BODY_LIMIT_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString("utf8");
}
