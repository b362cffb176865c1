import { parisDay } from '../model/days';
import type { Projection } from '../model/projection';
import type { Change, TableSpec } from '../model/table';
import { known } from './event-data';

export const VENUE_ACTIVITY = 'venue_activity';

const TABLES: TableSpec[] = [
  {
    name: VENUE_ACTIVITY,
    key: ['venue_id', 'day'],
    columns: { venue_id: 'text', day: 'text', redemptions: 'bigint', amount_cents: 'bigint' },
  },
];

/** Redemptions and amounts per venue per (Paris) day of scanning. */
export function venueActivityProjection(): Projection {
  return {
    name: 'venue-activity',
    tables: TABLES,
    reads: () => [],
    project(raw): Change[] {
      const event = known(raw);
      if (event?.type !== 'VoucherRedeemed.v1') return [];
      return [
        {
          op: 'add',
          table: VENUE_ACTIVITY,
          key: { venue_id: event.data.venueId, day: parisDay(event.data.scannedAt) },
          values: { redemptions: 1, amount_cents: event.data.amountCents },
        },
      ];
    },
  };
}
