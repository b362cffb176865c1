import type { Cents } from '../shared/money';
import { specification } from '../testing/given-when-then';
import { PAYER_ID, otherPayer, payer, venueActor } from '../testing/fixtures';
import {
  canSeeBatch,
  evolveSettlementBatch,
  initialSettlementBatchState,
  type OpenedBatchState,
} from './settlement-batch.state';
import { decidePayBatch } from './settlement.decide';
import type { SettlementBatchOpened, SettlementBatchPaid } from './settlement.events';

const paying = specification(evolveSettlementBatch, initialSettlementBatchState, decidePayBatch);
const opened: SettlementBatchOpened = {
  type: 'SettlementBatchOpened.v1',
  data: {
    batchId: 'stl-1',
    payerId: PAYER_ID,
    venueId: 'venue-a',
    payables: [],
    totalCents: 1750 as Cents,
    until: '2026-03-01T00:00:00.000Z',
    awaitingBankDetails: false,
    openedAt: '2026-03-01T00:00:00.000Z',
  },
};
const pay = (overrides = {}) => ({
  actor: payer,
  batchId: 'stl-1',
  paymentReference: ' VIR-2026-0042 ',
  now: '2026-03-05T00:00:00.000Z',
  ...overrides,
});
const paid: SettlementBatchPaid = {
  type: 'SettlementBatchPaid.v1',
  data: {
    batchId: 'stl-1',
    payerId: PAYER_ID,
    venueId: 'venue-a',
    totalCents: 1750 as Cents,
    paymentReference: 'VIR-2026-0042',
    paidAt: '2026-03-05T00:00:00.000Z',
  },
};

describe('paying a settlement batch', () => {
  it('marks an opened batch paid with its total', () => {
    paying.given([opened]).when(pay()).then([paid]);
  });

  it('is paid once: a second payment is refused, whatever its reference', () => {
    paying.given([opened, paid]).when(pay()).thenFails('settlement.already-paid');
    paying
      .given([opened, paid])
      .when(pay({ paymentReference: 'other' }))
      .thenFails('settlement.already-paid');
  });

  it('answers an unknown batch to anyone but its payer', () => {
    paying
      .given([opened])
      .when(pay({ actor: otherPayer }))
      .thenFails('settlement.not-found');
    paying
      .given([opened])
      .when(pay({ actor: venueActor() }))
      .thenFails('settlement.not-found');
    paying.given([]).when(pay()).thenFails('settlement.not-found');
  });

  it('refuses an empty payment reference', () => {
    paying
      .given([opened])
      .when(pay({ paymentReference: '  ' }))
      .thenFails('settlement.invalid');
  });
});

describe('who sees a batch', () => {
  const batch = evolveSettlementBatch(initialSettlementBatchState, opened) as OpenedBatchState;

  it('shows it to its payer, the venue it pays and an admin, and to nobody else', () => {
    expect(canSeeBatch(batch, payer)).toBe(true);
    expect(canSeeBatch(batch, venueActor('venue-a'))).toBe(true);
    expect(canSeeBatch(batch, { role: 'admin', org: 'operator' })).toBe(true);
    expect(canSeeBatch(batch, otherPayer)).toBe(false);
    expect(canSeeBatch(batch, venueActor('venue-b'))).toBe(false);
    expect(canSeeBatch(batch, { role: 'distributor', org: PAYER_ID })).toBe(false);
  });
});
