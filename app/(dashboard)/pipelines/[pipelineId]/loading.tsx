import { ListPageSkeleton } from "@/components/lists/list-skeleton";

export default function PipelineLoading() {
  return <ListPageSkeleton title="Pipeline" label="pipeline runs" />;
}
