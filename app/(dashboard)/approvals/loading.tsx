import { ListPageSkeleton } from "@/components/lists/list-skeleton";

export default function ApprovalsLoading() {
  return <ListPageSkeleton title="Approvals" label="promotion requests" filters={1} />;
}
