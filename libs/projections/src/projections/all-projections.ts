import type { Projection } from '../model/projection';
import { InseeLookup } from '../territories/insee-lookup';
import { programmeApprovalsProjection } from './programme-approvals.projection';
import { programmeSummaryProjection } from './programme-summary.projection';
import { territorySpendProjection } from './territory-spend.projection';
import { venueActivityProjection } from './venue-activity.projection';
import { venueDirectoryProjection } from './venue-directory.projection';
import { voucherStatusProjection } from './voucher-status.projection';

/** Every read model the service maintains, by name (`npm run projections:rebuild -- <name>`). */
export function allProjections(insee = new InseeLookup()): Projection[] {
  return [
    territorySpendProjection((commune) => insee.commune(commune)?.departement),
    programmeSummaryProjection(),
    venueActivityProjection(),
    voucherStatusProjection(),
    venueDirectoryProjection(),
    programmeApprovalsProjection(),
  ];
}

export function projectionNamed(name: string, projections = allProjections()): Projection {
  const projection = projections.find((candidate) => candidate.name === name);
  if (!projection)
    throw new Error(`no projection ${name} (known: ${projections.map((p) => p.name).join(', ')})`);
  return projection;
}
