import { ListSkeleton } from "@/components/lists/list-skeleton";
import { PageHeading } from "@/components/lists/page-heading";

export default function DeploymentsLoading() {
  return (
    <div className="space-y-6">
      <PageHeading title="Deployments" />
      <ListSkeleton label="deployment board" rows={3} />
      <ListSkeleton label="deployment history" />
    </div>
  );
}
