import { HealthSkeleton, WidgetSkeleton } from "./_components/widget-skeleton";

export default function Loading() {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
      <HealthSkeleton />
      <WidgetSkeleton label="overview" height={320} />
    </div>
  );
}
