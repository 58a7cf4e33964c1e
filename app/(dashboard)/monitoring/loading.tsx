import { ListPageSkeleton } from "@/components/lists/list-skeleton";

export default function MonitoringLoading() {
  return <ListPageSkeleton title="Monitoring" label="alerts" />;
}
