import { ListSkeleton } from "@/components/lists/list-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

export default function ModelLoading() {
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Skeleton className="h-8 w-64 max-w-full" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <Skeleton className="h-80 w-full" />
      <ListSkeleton label="versions" rows={6} />
    </div>
  );
}
