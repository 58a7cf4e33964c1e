"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";

/** URL params that follow the person across every dashboard page. */
export const PROJECT_PARAM = "project";
export const RANGE_PARAM = "range";
export const SHELL_PARAMS = [PROJECT_PARAM, RANGE_PARAM] as const;

/** Appends only the shell params (project, range) from `current` to `path`. */
export function withShellParams(path: string, current: { get(name: string): string | null }): string {
  const kept = new URLSearchParams();
  for (const name of SHELL_PARAMS) {
    const value = current.get(name);
    if (value) kept.set(name, value);
  }
  const query = kept.toString();
  return query ? `${path}?${query}` : path;
}

/**
 * Returns a function that sets (string) or removes (null) search params on the current
 * page and keeps every other param, so filters combine instead of replacing each other.
 */
export function useSearchParamUpdater() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();

  return useCallback(
    (updates: Record<string, string | null>) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [name, value] of Object.entries(updates)) {
        if (value === null) next.delete(name);
        else next.set(name, value);
      }
      const query = next.toString();
      router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [router, pathname, searchParams],
  );
}
