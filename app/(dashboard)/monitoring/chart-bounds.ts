import { paramsOf, parseChartWindow, windowBounds } from "@/components/monitoring/chart-window";

type Params = Record<string, string | string[] | undefined>;

/** The chart window's [from, to] at request time, from a page's search params. */
export function chartWindowBounds(params: Params, now = Date.now()): [number, number] {
  return windowBounds(parseChartWindow(paramsOf(params)), now);
}
