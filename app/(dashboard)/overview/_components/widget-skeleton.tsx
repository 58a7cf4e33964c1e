import { Skeleton } from "@/components/ui/skeleton";

export function WidgetSkeleton({ height = 240, label }: { height?: number; label: string }) {
  return (
    <div
      role="status"
      aria-busy="true"
      aria-label={`Loading ${label}`}
      className="rounded-xl border bg-card p-4"
    >
      <Skeleton className="mb-3 h-5 w-40" />
      <Skeleton style={{ height }} className="w-full" />
    </div>
  );
}

export function HealthSkeleton() {
  return (
    <div
      role="status"
      aria-busy="true"
      aria-label="Loading health"
      className="grid grid-cols-2 gap-3 sm:gap-4 xl:grid-cols-4"
    >
      {[0, 1, 2, 3].map((i) => (
        <Skeleton key={i} className="h-28 rounded-xl" />
      ))}
    </div>
  );
}
