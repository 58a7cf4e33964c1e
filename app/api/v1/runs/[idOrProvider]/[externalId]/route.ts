import { reportRunHandler } from "../../_lib/report-run-handler";

/**
 * `PUT /api/v1/runs/{provider}/{externalId}`: idempotent upsert of a run from any CI.
 * 201 `{ run, created: true, applied: true }` when new; 200 with `applied: false` for a
 * replay or an older report, `applied: true` when it changed the stored run.
 */
export const PUT = reportRunHandler;
