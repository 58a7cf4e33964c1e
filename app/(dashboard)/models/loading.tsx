import { ListPageSkeleton } from "@/components/lists/list-skeleton";

export default function ModelsLoading() {
  return <ListPageSkeleton title="Models" label="models" filters={1} />;
}
