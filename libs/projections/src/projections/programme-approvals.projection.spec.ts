import type { ProjectedEvent } from '../model/projected-event';
import { replay } from '../model/replay';
import { APPROVED_VENUES, programmeApprovalsProjection } from './programme-approvals.projection';

let position = 0;
const at = (type: string, data: object): ProjectedEvent => ({
  type,
  data,
  recordedAt: '2026-02-03T10:00:00.000Z',
  position: { transactionId: String(++position), globalPosition: String(position) },
});
const approval = (venueId: string, programmeId = 'prog-1') => ({
  venueId,
  programmeId,
  payerId: '200054781',
  approvedAt: '2026-02-03T10:00:00.000Z',
});
const withdrawal = (venueId: string, programmeId = 'prog-1') => ({
  venueId,
  programmeId,
  payerId: '200054781',
  withdrawnAt: '2026-02-04T10:00:00.000Z',
});

describe('the programme-approvals read model', () => {
  it('lists each programme’s approved venues, and forgets a withdrawn approval', () => {
    const rows = replay(programmeApprovalsProjection(), [
      at('VenueApproved.v1', approval('ven-a')),
      at('VenueApproved.v1', approval('ven-b')),
      at('VenueApproved.v1', approval('ven-a', 'prog-2')),
      at('VenueApprovalWithdrawn.v1', withdrawal('ven-a')),
      at('VenueRegistered.v1', { venueId: 'ven-c' }),
    ]).all(APPROVED_VENUES);
    expect(rows.map((row) => `${row.programme_id}/${row.venue_id}`).sort()).toEqual([
      'prog-1/ven-b',
      'prog-2/ven-a',
    ]);
  });

  it('approves again after a withdrawal', () => {
    const rows = replay(programmeApprovalsProjection(), [
      at('VenueApproved.v1', approval('ven-a')),
      at('VenueApprovalWithdrawn.v1', withdrawal('ven-a')),
      at('VenueApproved.v1', { ...approval('ven-a'), approvedAt: '2026-03-01T00:00:00.000Z' }),
    ]).all(APPROVED_VENUES);
    expect(rows).toEqual([
      {
        programme_id: 'prog-1',
        venue_id: 'ven-a',
        payer_id: '200054781',
        approved_at: '2026-03-01T00:00:00.000Z',
      },
    ]);
  });
});
