import { ListPageSkeleton } from "@/components/lists/list-skeleton";

export default function AuditLoading() {
  return <ListPageSkeleton title="Audit log" label="audit events" />;
}
