import { Box, Rocket } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { Jsonify } from "@/lib/queries/fetch-json";
import type { RunOutputs } from "@/lib/runs/list-run-outputs";

/** Model versions registered from this run and deployments it performed; hidden when there are none. */
export function RunOutputsSection({ outputs }: { outputs: Jsonify<RunOutputs> }) {
  if (outputs.modelVersions.length === 0 && outputs.deployments.length === 0) return null;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {outputs.modelVersions.length > 0 ? (
        <section
          aria-labelledby="run-models"
          className="space-y-2 rounded-lg border p-4"
          data-testid="run-models"
        >
          <h2 id="run-models" className="flex items-center gap-2 font-medium">
            <Box aria-hidden="true" className="size-4" /> Model versions produced
          </h2>
          <ul className="space-y-1 text-sm">
            {outputs.modelVersions.map((v) => (
              <li key={v.id} className="flex items-center gap-2">
                <Link href={`/models/${v.modelId}`} className="hover:underline">
                  {v.modelName} v{v.version}
                </Link>
                <Badge variant="outline">{v.status}</Badge>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {outputs.deployments.length > 0 ? (
        <section
          aria-labelledby="run-deployments"
          className="space-y-2 rounded-lg border p-4"
          data-testid="run-deployments"
        >
          <h2 id="run-deployments" className="flex items-center gap-2 font-medium">
            <Rocket aria-hidden="true" className="size-4" /> Deployments performed
          </h2>
          <ul className="space-y-1 text-sm">
            {outputs.deployments.map((d) => (
              <li key={d.id} className="flex items-center gap-2">
                <Link
                  href={`/deployments?project=${encodeURIComponent(d.projectSlug)}&environment=${encodeURIComponent(d.environmentSlug)}`}
                  className="hover:underline"
                >
                  {d.environmentName}
                </Link>
                <Badge variant="outline">{d.status}</Badge>
                <time dateTime={d.startedAt} className="text-muted-foreground text-xs">
                  {new Date(d.startedAt).toLocaleString()}
                </time>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
