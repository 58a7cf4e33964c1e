"use client";

import { useEffect, useState } from "react";
import { formatDateTime, formatRelativeTime } from "@/lib/utils/format";

/**
 * "expires in 3 hours", re-rendered every 30 s so an open page never shows a stale promise;
 * the exact time is in the title. The first render uses the server's words to avoid a
 * hydration mismatch.
 */
export function ExpiryCountdown({ expiresAt }: { expiresAt: string }) {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const past = now !== null && new Date(expiresAt).getTime() <= now.getTime();
  return (
    <time
      dateTime={expiresAt}
      title={formatDateTime(expiresAt)}
      data-testid="expiry"
      suppressHydrationWarning
    >
      {past ? "expired " : "expires "}
      {formatRelativeTime(expiresAt, now ?? undefined)}
    </time>
  );
}
