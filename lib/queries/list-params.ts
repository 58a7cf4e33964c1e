/** What Next hands a page as `searchParams`, or the browser's URLSearchParams. */
export type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

/** The first value of a search param, or null. */
export function paramOf(source: ParamSource, key: string): string | null {
  if (source instanceof URLSearchParams) return source.get(key);
  const value = source[key];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/**
 * The param when it is one of `allowed`, else null: a hand-edited or stale URL shows the
 * unfiltered list instead of an error page.
 */
export function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** Free text from the URL, trimmed and capped; null when empty. */
export function textParam(source: ParamSource, key: string, maxLength = 100): string | null {
  const value = paramOf(source, key)?.trim().slice(0, maxLength);
  return value ? value : null;
}
