import type { SqlQueryable } from '@pass/event-store';
import { APPROVED_VENUES } from '../projections/programme-approvals.projection';
import { DIRECTORY_VENUES } from '../projections/venue-directory.projection';
import { viewName } from '../sql/read-model-sql';

export interface ApprovedVenue {
  readonly venueId: string;
  /** From the venue directory; null if that read model has not seen the venue yet. */
  readonly name: string | null;
  readonly siret: string | null;
  readonly approvedAt: string;
}

/** The venues a programme admits, oldest approval first. */
export async function selectApprovedVenues(db: SqlQueryable, programmeId: string): Promise<ApprovedVenue[]> {
  const rows = await db.query<{
    venue_id: string;
    name: string | null;
    siret: string | null;
    approved_at: string;
  }>(
    `select a.venue_id, v.name, v.siret, a.approved_at
     from ${viewName(APPROVED_VENUES)} a left join ${viewName(DIRECTORY_VENUES)} v on v.venue_id = a.venue_id
     where a.programme_id = $1 order by a.approved_at, a.venue_id`,
    [programmeId],
  );
  return rows.map((row) => ({
    venueId: row.venue_id,
    name: row.name,
    siret: row.siret,
    approvedAt: row.approved_at,
  }));
}
