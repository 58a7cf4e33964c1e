"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { Session } from "next-auth";
import { SessionProvider } from "next-auth/react";
import { ThemeProvider } from "next-themes";
import type * as React from "react";
import { useState } from "react";
import { Toaster } from "@/components/ui/toast";
import { TooltipProvider } from "@/components/ui/tooltip";

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Short enough that dashboards feel live, long enough that hydrated server data is not refetched at once.
      queries: { staleTime: 5_000, refetchOnWindowFocus: true },
    },
  });
}

export type ProvidersProps = {
  children: React.ReactNode;
  /** Pass the server session to skip next-auth's first client round trip. */
  session?: Session | null;
};

/** Client-side context for the whole app. The root <html> needs `suppressHydrationWarning` for next-themes. */
export function Providers({ children, session }: ProvidersProps) {
  // One client per browser session; created lazily so a re-render never discards the cache.
  const [queryClient] = useState(makeQueryClient);
  return (
    <SessionProvider session={session}>
      <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
        <QueryClientProvider client={queryClient}>
          <TooltipProvider>
            {children}
            <Toaster />
          </TooltipProvider>
        </QueryClientProvider>
      </ThemeProvider>
    </SessionProvider>
  );
}
