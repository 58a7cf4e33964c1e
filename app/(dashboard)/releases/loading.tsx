import { ListPageSkeleton } from "@/components/lists/list-skeleton";

export default function ReleasesLoading() {
  return <ListPageSkeleton title="Releases" label="releases" filters={2} />;
}
