"use client";

import {
  Activity,
  Boxes,
  LayoutDashboard,
  type LucideIcon,
  Package,
  Rocket,
  ScrollText,
  Settings,
  ShieldCheck,
  Workflow,
} from "lucide-react";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { cn } from "@/lib/utils/cn";
import { withShellParams } from "./use-search-param-updater";

type NavItem = { href: string; label: string; icon: LucideIcon };

const MAIN_ITEMS: NavItem[] = [
  { href: "/overview", label: "Overview", icon: LayoutDashboard },
  { href: "/pipelines", label: "Pipelines", icon: Workflow },
  { href: "/deployments", label: "Deployments", icon: Rocket },
  { href: "/releases", label: "Releases", icon: Package },
  { href: "/models", label: "Models", icon: Boxes },
  { href: "/approvals", label: "Approvals", icon: ShieldCheck },
  { href: "/monitoring", label: "Monitoring", icon: Activity },
];
const SETTINGS_ITEM: NavItem = { href: "/settings", label: "Settings", icon: Settings };
const AUDIT_ITEM: NavItem = { href: "/audit", label: "Audit", icon: ScrollText };

export type SidebarProps = {
  /** Pending approvals; shown as a badge on Approvals when above zero. */
  approvalsCount?: number;
  canSeeSettings?: boolean;
  canSeeAudit?: boolean;
  /** Called after a link is chosen, so the mobile drawer can close. */
  onNavigate?: () => void;
  className?: string;
};

export function isActivePath(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

type NavListProps = SidebarProps & { search: { get(name: string): string | null } };

function NavList({ approvalsCount = 0, canSeeSettings, canSeeAudit, onNavigate, search }: NavListProps) {
  const pathname = usePathname() ?? "";
  const items = [
    ...MAIN_ITEMS,
    ...(canSeeSettings ? [SETTINGS_ITEM] : []),
    ...(canSeeAudit ? [AUDIT_ITEM] : []),
  ];
  return (
    <ul className="flex flex-col gap-0.5">
      {items.map(({ href, label, icon: Icon }) => {
        const active = isActivePath(pathname, href);
        const count = href === "/approvals" && approvalsCount > 0 ? approvalsCount : null;
        return (
          <li key={href}>
            <Link
              href={withShellParams(href, search)}
              aria-current={active ? "page" : undefined}
              onClick={onNavigate}
              className={cn(
                "flex items-center gap-3 rounded-md px-3 py-2 font-medium text-sm transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
                active
                  ? "bg-primary/10 text-primary"
                  : "text-muted-foreground hover:bg-accent hover:text-accent-foreground",
              )}
            >
              <Icon className="size-4 shrink-0" aria-hidden="true" />
              <span className="flex-1">{label}</span>
              {count !== null ? " " : null}
              {count !== null ? (
                <span className="rounded-full bg-primary px-2 py-0.5 font-semibold text-primary-foreground text-xs tabular-nums">
                  {count > 99 ? "99+" : count}
                  <span className="sr-only"> pending</span>
                </span>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

function NavListWithParams(props: SidebarProps) {
  const search = useSearchParams();
  return <NavList {...props} search={search} />;
}

const NO_PARAMS = { get: () => null };

/** The main navigation. Links carry the current project and time range to the next page. */
export function Sidebar({ className, ...props }: SidebarProps) {
  return (
    <nav aria-label="Main" className={cn("flex flex-col gap-4", className)}>
      <div className="flex items-center gap-2 px-3 py-1 font-semibold text-base tracking-tight">
        <span
          aria-hidden="true"
          className="flex size-7 items-center justify-center rounded-md bg-primary font-bold text-primary-foreground text-sm"
        >
          T
        </span>
        Tandem
      </div>
      {/* useSearchParams needs a Suspense boundary on static renders; the fallback links drop the params. */}
      <Suspense fallback={<NavList {...props} search={NO_PARAMS} />}>
        <NavListWithParams {...props} />
      </Suspense>
    </nav>
  );
}
