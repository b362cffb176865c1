import type { VenueApprovalEvent } from '@pass/domain';
import type { Projection } from '../model/projection';
import type { Change, TableSpec } from '../model/table';

export const APPROVED_VENUES = 'approved_venues';

const TABLES: TableSpec[] = [
  {
    name: APPROVED_VENUES,
    key: ['programme_id', 'venue_id'],
    columns: { programme_id: 'text', venue_id: 'text', payer_id: 'text', approved_at: 'text' },
  },
];

/**
 * The venues each payer admitted to its programmes restricted to approved venues. The approvals
 * live on the venues' streams (a scan reads them there); this read model lists them by programme.
 */
export function programmeApprovalsProjection(): Projection {
  return {
    name: 'programme-approvals',
    tables: TABLES,
    reads: () => [],
    project(raw): Change[] {
      const event = raw as unknown as VenueApprovalEvent;
      if (event.type === 'VenueApproved.v1') {
        const { programmeId, venueId, payerId, approvedAt } = event.data;
        return [
          {
            op: 'put',
            table: APPROVED_VENUES,
            row: { programme_id: programmeId, venue_id: venueId, payer_id: payerId, approved_at: approvedAt },
          },
        ];
      }
      if (event.type === 'VenueApprovalWithdrawn.v1') {
        const { programmeId, venueId } = event.data;
        return [
          { op: 'delete', table: APPROVED_VENUES, key: { programme_id: programmeId, venue_id: venueId } },
        ];
      }
      return [];
    },
  };
}
