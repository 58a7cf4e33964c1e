import { Skeleton } from "@/components/ui/skeleton";

/** Placeholder for a list while its first page loads; the region announces itself as busy. */
export function ListSkeleton({ label, rows = 8 }: { label: string; rows?: number }) {
  return (
    <div
      role="status"
      aria-busy="true"
      aria-label={`Loading ${label}`}
      className="flex flex-col gap-2 rounded-lg border p-3"
    >
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-10 w-full" />
      ))}
    </div>
  );
}

/** The top of a list page while the route loads: title, note and filter placeholders. */
export function ListPageSkeleton({
  title,
  label,
  filters = 2,
}: {
  title: string;
  label: string;
  filters?: number;
}) {
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="font-semibold text-2xl tracking-tight">{title}</h1>
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      {filters > 0 ? (
        <div className="flex gap-3">
          {Array.from({ length: filters }, (_, i) => (
            <Skeleton key={i} className="h-14 w-44" />
          ))}
        </div>
      ) : null}
      <ListSkeleton label={label} />
    </div>
  );
}
