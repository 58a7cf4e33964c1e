// Stand-in for the `server-only` marker package outside Next (Vitest, tsx scripts).
export {};
