import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ModelVersionSummaryDto } from "@/lib/queries/models";
import { ModelVersionsTable } from "./model-versions-table";

const production = {
  environmentId: "e-prod",
  environmentSlug: "production",
  environmentName: "Production",
  position: 2,
  isProduction: true,
  deploymentId: "d-1",
  deployedAt: "2026-01-10T10:00:00.000Z",
};

const versions: ModelVersionSummaryDto[] = [
  {
    id: "v2",
    version: 2,
    status: "ready",
    metrics: { auc: 0.91234 },
    aliases: ["champion", "stable"],
    createdAt: "2026-01-09T10:00:00.000Z",
    deployedIn: [production],
  },
  {
    id: "v1",
    version: 1,
    status: "registered",
    metrics: { loss: 0.3 },
    aliases: [],
    createdAt: "2026-01-08T10:00:00.000Z",
    deployedIn: [],
  },
];

describe("ModelVersionsTable", () => {
  const html = renderToStaticMarkup(
    <ModelVersionsTable
      versions={versions}
      metricColumns={["auc", "loss"]}
      sort={{ key: "auc", dir: "asc" }}
      onSort={() => {}}
    />,
  );

  it("draws one row per version with alias and deployed-where badges", () => {
    expect(html).toContain('data-testid="version-row-2"');
    expect(html).toContain('data-testid="alias-champion"');
    expect(html).toContain('data-testid="alias-stable"');
    expect(html).toContain(">Production<");
    expect(html).toContain("Not deployed");
  });

  it("shows a missing metric as a gap, not zero, and formats the rest", () => {
    expect(html).toContain(">0.912<");
    expect(html.match(/not logged/g)).toHaveLength(2);
  });

  it("marks the sorted column for assistive tech", () => {
    expect(html).toContain('aria-sort="ascending"');
    expect(html.match(/aria-sort="none"/g)).toHaveLength(2);
  });

  it("links version numbers to their pages only when it knows the model", () => {
    expect(html).not.toContain("/versions/");
    const linked = renderToStaticMarkup(
      <ModelVersionsTable
        versions={versions}
        metricColumns={["auc"]}
        sort={{ key: "version", dir: "desc" }}
        onSort={() => {}}
        modelId="m-1"
      />,
    );
    expect(linked).toContain('href="/models/m-1/versions/2"');
    expect(linked).toMatch(/href="\/models\/m-1\/versions\/1"[^>]*>v1</);
  });
});
