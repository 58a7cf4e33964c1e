"use client";

import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useState,
} from "react";

type LabelsContext = {
  labels: Record<string, string>;
  setLabel: (segment: string, label: string | null) => void;
};

const Context = createContext<LabelsContext | null>(null);
const NONE: Record<string, string> = {};

/**
 * Holds the names pages give to their path segments (a model's id → its name), for the
 * header's breadcrumbs, which live in the layout and only see the pathname.
 */
export function BreadcrumbLabelsProvider({ children }: { children: ReactNode }) {
  const [labels, setLabels] = useState<Record<string, string>>(NONE);
  const setLabel = useCallback((segment: string, label: string | null) => {
    setLabels((current) => {
      if (label === null) {
        if (!(segment in current)) return current;
        const { [segment]: _gone, ...rest } = current;
        return rest;
      }
      return current[segment] === label ? current : { ...current, [segment]: label };
    });
  }, []);
  const value = useMemo(() => ({ labels, setLabel }), [labels, setLabel]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useBreadcrumbLabels(): Record<string, string> {
  return useContext(Context)?.labels ?? NONE;
}

/**
 * Names one path segment in the breadcrumbs while the page that renders it is shown, e.g.
 * `<BreadcrumbLabel segment={model.id} label={model.name} />`. Renders nothing. A layout
 * effect sets it before the browser paints a client-side navigation; on a full page load the
 * server-rendered crumb shows the id's short prefix until hydration.
 */
export function BreadcrumbLabel({ segment, label }: { segment: string; label: string }) {
  const context = useContext(Context);
  const setLabel = context?.setLabel;
  useLayoutEffect(() => {
    if (!setLabel) return;
    setLabel(segment, label);
    return () => setLabel(segment, null);
  }, [setLabel, segment, label]);
  return null;
}
