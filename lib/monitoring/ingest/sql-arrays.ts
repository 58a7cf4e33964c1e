/** Rows per statement: big enough to amortise the round trip, small enough to bound memory. */
export const CHUNK_ROWS = 50_000;

/**
 * A Postgres array literal (`{a,b,c}`) sent as one text parameter, which both drivers pass
 * through unchanged: binding 50,000 values as separate parameters would hit Postgres'
 * 65,535 limit and cost more than the insert. Only for uuids and numbers (no quoting).
 */
export const literal = (items: readonly (string | number)[]) => `{${items.join(",")}}`;
