import { ListPageSkeleton } from "@/components/lists/list-skeleton";

export default function RunLoading() {
  return <ListPageSkeleton title="Pipeline run" label="the run" />;
}
