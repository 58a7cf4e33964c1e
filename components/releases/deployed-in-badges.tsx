import { Badge } from "@/components/ui/badge";

export type DeployedInItem = { environmentId: string; environmentName: string; isProduction: boolean };

/** Where a release runs now, one badge per environment; production stands out (by word too). */
export function DeployedInBadges({ deployedIn }: { deployedIn: DeployedInItem[] }) {
  if (deployedIn.length === 0) return <span className="text-muted-foreground text-sm">Not running</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Deployed in">
      {deployedIn.map((d) => (
        <li key={d.environmentId}>
          <Badge variant={d.isProduction ? "success" : "info"}>{d.environmentName}</Badge>
        </li>
      ))}
    </ul>
  );
}
