"use client";

import { VersionEnvironments } from "@/components/models/version-environments";
import { VersionHeader } from "@/components/models/version-header";
import { VersionHistory } from "@/components/models/version-history";
import { VersionLineage } from "@/components/models/version-lineage";
import { VersionMetrics } from "@/components/models/version-metrics";
import { VersionPromotion, type VersionPromotionOffer } from "@/components/models/version-promotion";
import { VersionDatasets, VersionKeyValues } from "@/components/models/version-records";
import type { VersionPage } from "@/lib/models/load-version-page";
import type { Jsonify } from "@/lib/queries/fetch-json";

export type VersionPageDto = Jsonify<VersionPage>;

/**
 * One model version: heading with the promotion action, metrics against production, history
 * charts, lineage, where it runs, params, tags and datasets. Data arrives from the server
 * component; a promotion request refreshes it (the dialog calls router.refresh()).
 */
export function VersionPageClient({ page, offer }: { page: VersionPageDto; offer: VersionPromotionOffer }) {
  return (
    <div className="space-y-6">
      <VersionHeader page={page} actions={<VersionPromotion versionId={page.version.id} offer={offer} />} />
      <div className="grid gap-4 lg:grid-cols-2">
        <VersionMetrics page={page} />
        <VersionEnvironments page={page} />
      </div>
      <VersionHistory page={page} />
      <VersionLineage page={page} />
      <div className="grid gap-4 lg:grid-cols-2">
        <VersionKeyValues title="Parameters" record={page.version.params} testId="version-params" />
        <VersionKeyValues title="Tags" record={page.version.tags} testId="version-tags" />
      </div>
      <VersionDatasets datasets={page.version.datasets} />
    </div>
  );
}
