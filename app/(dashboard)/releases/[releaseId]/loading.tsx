import { ListSkeleton } from "@/components/lists/list-skeleton";

export default function ReleaseLoading() {
  return <ListSkeleton label="release" rows={6} />;
}
