import type { TableSpec } from '../model/table';
import { programmeApprovalsProjection } from '../projections/programme-approvals.projection';
import { programmeSummaryProjection } from '../projections/programme-summary.projection';
import { territorySpendProjection } from '../projections/territory-spend.projection';
import { venueActivityProjection } from '../projections/venue-activity.projection';
import { venueDirectoryProjection } from '../projections/venue-directory.projection';
import { voucherStatusProjection } from '../projections/voucher-status.projection';

const SPECS = [
  territorySpendProjection(() => undefined),
  programmeSummaryProjection(),
  venueActivityProjection(),
  voucherStatusProjection(),
  venueDirectoryProjection(),
  programmeApprovalsProjection(),
].flatMap((projection) => projection.tables);

/** A read-model table's spec by name, for readers (which only need its columns). */
export function projectionTables(name: string): TableSpec {
  const spec = SPECS.find((candidate) => candidate.name === name);
  if (!spec) throw new Error(`unknown read-model table ${name}`);
  return spec;
}
