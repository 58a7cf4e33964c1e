import { CheckCircle2, XCircle } from "lucide-react";
import type { ProbeResultDto } from "@/lib/queries/connections";

/** What "Test connection" found: each check with a mark and words, and the rate-limit headroom. */
export function ProbeResultView({ result }: { result: ProbeResultDto }) {
  return (
    <div className="flex flex-col gap-2" data-testid="test-result" role="status" aria-live="polite">
      {result.error ? (
        <p className="flex items-center gap-2 font-medium text-destructive text-sm">
          <XCircle className="size-4 shrink-0" aria-hidden="true" />
          Failed: {result.error}
        </p>
      ) : (
        <p className={`font-medium text-sm ${result.ok ? "text-success" : "text-warning"}`}>
          {result.ok ? "Everything checked out." : "Connected, but some repositories have problems."}
        </p>
      )}
      {result.findings.length > 0 ? (
        <ul className="flex flex-col gap-1.5 text-sm">
          {result.findings.map((finding) => (
            <li key={finding.name} className="flex items-start gap-2">
              {finding.ok ? (
                <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-success" role="img" aria-label="OK" />
              ) : (
                <XCircle
                  className="mt-0.5 size-4 shrink-0 text-destructive"
                  role="img"
                  aria-label="Problem"
                />
              )}
              <span>
                <span className="font-medium">{finding.name}</span>: {finding.detail}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {result.rateLimit ? (
        <p className="text-muted-foreground text-xs">
          Rate limit headroom: {result.rateLimit.remaining.toLocaleString("en")} of{" "}
          {result.rateLimit.limit.toLocaleString("en")} requests left in this window.
        </p>
      ) : null}
    </div>
  );
}
