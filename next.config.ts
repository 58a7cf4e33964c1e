import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and resolves files relative to its own module URL; bundling it breaks
  // `next dev` (see stack-notes). pg-boss and pino also run best unbundled on the server.
  serverExternalPackages: ["@electric-sql/pglite", "pg-boss", "pino", "pg", "bcryptjs"],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() / unauthorized() from server components render app/forbidden.tsx with a 403.
  experimental: { authInterrupts: true },
};

export default nextConfig;
