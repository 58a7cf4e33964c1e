"use client";

import { FolderKanban } from "lucide-react";
import { useSearchParams } from "next/navigation";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectSeparator,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import { cn } from "@/lib/utils/cn";
import { PROJECT_PARAM, useSearchParamUpdater } from "./use-search-param-updater";

// Radix Select reserves the empty string, so "All projects" needs a sentinel value.
const ALL = "__all__";

export type ProjectOption = { slug: string; name: string };

export type ProjectSwitcherProps = {
  projects: ProjectOption[];
  className?: string;
};

/** Scopes every dashboard page to one project through `?project=<slug>`. */
export function ProjectSwitcher({ projects, className }: ProjectSwitcherProps) {
  const searchParams = useSearchParams();
  const update = useSearchParamUpdater();
  const current = searchParams.get(PROJECT_PARAM);
  const value = current && projects.some((p) => p.slug === current) ? current : ALL;

  return (
    <Select value={value} onValueChange={(next) => update({ [PROJECT_PARAM]: next === ALL ? null : next })}>
      <SelectTrigger aria-label="Project" className={cn("w-44", className)} data-testid="project-switcher">
        <span className="flex min-w-0 items-center gap-2">
          <FolderKanban className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
          <SelectValue placeholder="All projects" />
        </span>
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={ALL}>All projects</SelectItem>
        {projects.length > 0 ? <SelectSeparator /> : null}
        {projects.map((project) => (
          <SelectItem key={project.slug} value={project.slug}>
            {project.name}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
