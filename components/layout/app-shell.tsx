"use client";

import { Menu, X } from "lucide-react";
import { usePathname } from "next/navigation";
import { Dialog as DialogPrimitive } from "radix-ui";
import type * as React from "react";
import { Suspense, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { BreadcrumbLabelsProvider } from "./breadcrumb-labels";
import { Header } from "./header";
import { type ProjectOption, ProjectSwitcher } from "./project-switcher";
import { Sidebar } from "./sidebar";
import type { UserMenuUser } from "./user-menu";

export type AppShellProps = {
  user: UserMenuUser;
  projects: ProjectOption[];
  approvalsCount?: number;
  canSeeSettings?: boolean;
  canSeeAudit?: boolean;
  breadcrumbs?: React.ReactNode;
  children: React.ReactNode;
};

/** The signed-in frame: skip link, sidebar (a drawer below `lg`), header and the main landmark. */
export function AppShell({
  user,
  projects,
  approvalsCount,
  canSeeSettings,
  canSeeAudit,
  breadcrumbs,
  children,
}: AppShellProps) {
  const [menuOpen, setMenuOpen] = useState(false);
  const pathname = usePathname();
  const navProps = { approvalsCount, canSeeSettings, canSeeAudit };

  // Browser back/forward changes the route without a link click; close the drawer then too.
  useEffect(() => {
    if (pathname) setMenuOpen(false);
  }, [pathname]);

  // The drawer is modal and hides the page from assistive tech, so it must not outlive a resize to desktop.
  useEffect(() => {
    const desktop = window.matchMedia("(min-width: 1024px)");
    const close = () => {
      if (desktop.matches) setMenuOpen(false);
    };
    desktop.addEventListener("change", close);
    return () => desktop.removeEventListener("change", close);
  }, []);

  const menuButton = (
    <DialogPrimitive.Root open={menuOpen} onOpenChange={setMenuOpen}>
      <DialogPrimitive.Trigger asChild>
        <Button variant="ghost" size="icon" className="lg:hidden" aria-label="Open navigation menu">
          <Menu aria-hidden="true" />
        </Button>
      </DialogPrimitive.Trigger>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-black/50 data-[state=open]:animate-fade-in lg:hidden" />
        <DialogPrimitive.Content
          aria-describedby={undefined}
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col gap-4 overflow-y-auto border-r bg-sidebar p-4 text-sidebar-foreground shadow-lg data-[state=open]:animate-fade-in lg:hidden"
        >
          <DialogPrimitive.Title className="sr-only">Navigation</DialogPrimitive.Title>
          <DialogPrimitive.Close asChild>
            <Button variant="ghost" size="icon" className="self-end" aria-label="Close navigation menu">
              <X aria-hidden="true" />
            </Button>
          </DialogPrimitive.Close>
          <Suspense fallback={null}>
            <ProjectSwitcher projects={projects} className="w-full md:hidden" />
          </Suspense>
          <Sidebar {...navProps} onNavigate={() => setMenuOpen(false)} />
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );

  return (
    <BreadcrumbLabelsProvider>
      <div className="flex min-h-dvh bg-background text-foreground">
        <a
          href="#main"
          className="sr-only rounded-md bg-primary px-4 py-2 font-medium text-primary-foreground text-sm focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-[100]"
        >
          Skip to content
        </a>
        <aside className="sticky top-0 hidden h-dvh w-60 shrink-0 overflow-y-auto border-r bg-sidebar p-4 text-sidebar-foreground lg:block">
          <Sidebar {...navProps} />
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <Header user={user} projects={projects} breadcrumbs={breadcrumbs} leading={menuButton} />
          <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 focus:outline-none lg:px-8">
            {children}
          </main>
        </div>
      </div>
    </BreadcrumbLabelsProvider>
  );
}
