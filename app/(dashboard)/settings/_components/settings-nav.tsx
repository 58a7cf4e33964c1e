"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils/cn";

type NavItem = { href: string; label: string };

/** Environments join this list when its page lands. */
const ITEMS: NavItem[] = [
  { href: "/settings/users", label: "Users" },
  { href: "/settings/connections", label: "Connections" },
  { href: "/settings/policies", label: "Gate policies" },
  { href: "/settings/notifications", label: "Notifications" },
  { href: "/account/tokens", label: "API tokens" },
];

/** Tab-like links between the settings pages; the current one is marked for assistive tech. */
export function SettingsNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings">
      <ul className="inline-flex h-9 items-center rounded-lg bg-muted p-1 text-muted-foreground">
        {ITEMS.map((item) => {
          const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href} className="h-full">
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "inline-flex h-full items-center rounded-md px-3 font-medium text-sm transition-colors hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
                  current && "bg-background text-foreground shadow-sm",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
