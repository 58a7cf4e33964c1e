import { ListPageSkeleton } from "@/components/lists/list-skeleton";

export default function PipelinesLoading() {
  return <ListPageSkeleton title="Pipelines" label="pipeline runs" />;
}
