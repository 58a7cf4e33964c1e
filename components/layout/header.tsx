"use client";

import type * as React from "react";
import { Suspense } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils/cn";
import { Breadcrumbs } from "./breadcrumbs";
import { type ProjectOption, ProjectSwitcher } from "./project-switcher";
import { ThemeToggle } from "./theme-toggle";
import { TimeRangePicker } from "./time-range-picker";
import { UserMenu, type UserMenuUser } from "./user-menu";

export type HeaderProps = {
  user: UserMenuUser;
  projects: ProjectOption[];
  /** Replaces the pathname-derived breadcrumbs, e.g. to show a model's name instead of its id. */
  breadcrumbs?: React.ReactNode;
  /** Rendered first; the app shell puts the mobile menu button here. */
  leading?: React.ReactNode;
  className?: string;
};

export function Header({ user, projects, breadcrumbs, leading, className }: HeaderProps) {
  return (
    <header
      className={cn(
        "sticky top-0 z-30 flex h-14 items-center gap-3 border-b bg-background/95 px-4 backdrop-blur supports-[backdrop-filter]:bg-background/80 lg:px-6",
        className,
      )}
    >
      {leading}
      <div className="hidden min-w-0 flex-1 sm:block">{breadcrumbs ?? <Breadcrumbs />}</div>
      <div className="ml-auto flex items-center gap-2">
        {/* These read search params; the boundary keeps static renders from bailing out of the whole shell. */}
        <Suspense fallback={<Skeleton className="hidden h-9 w-44 md:block" />}>
          <ProjectSwitcher projects={projects} className="hidden md:flex" />
        </Suspense>
        <Suspense fallback={<Skeleton className="h-9 w-36 sm:w-40" />}>
          <TimeRangePicker className="w-36 sm:w-40" />
        </Suspense>
        <ThemeToggle />
        <UserMenu user={user} />
      </div>
    </header>
  );
}
