import { bookDistributed, bookIssued, programmeOpened, venueRegistered } from '@pass/domain/testing/fixtures';
import { MemoryTables } from '../model/memory-tables';
import type { ProjectedEvent } from '../model/projected-event';
import { replay } from '../model/replay';
import { programmeSummaryProjection } from './programme-summary.projection';
import { territorySpendProjection } from './territory-spend.projection';
import { venueActivityProjection } from './venue-activity.projection';
import { voucherHistory, voucherStatusProjection } from './voucher-status.projection';

let position = 0;
const at = (
  event: { type: string; data: unknown },
  recordedAt = '2026-02-03T10:00:00.000Z',
): ProjectedEvent => ({
  ...event,
  recordedAt,
  position: { transactionId: String(++position), globalPosition: String(position) },
});
const departementOf = (commune: string) => ({ '33281': '33', '33063': '33', '75056': '75' })[commune];
const redeemed = (voucherId: string, amountCents: number, scannedAt = '2026-02-03T23:30:00.000Z') =>
  at({
    type: 'VoucherRedeemed.v1',
    data: {
      bookId: 'book-1',
      programmeId: 'prog-1',
      voucherId,
      redemptionId: `r-${voucherId}`,
      venueId: 'venue-a',
      amountCents,
      servicePriceCents: null,
      shares: [{ payerId: '200054781', amountCents }],
      scannedAt,
      recordedAt: scannedAt,
    },
  });
const batch = () => [
  at({
    type: 'SettlementBatchOpened.v1',
    data: {
      batchId: 'b1',
      payerId: '200054781',
      venueId: 'venue-a',
      payables: [
        {
          redemptionId: 'r-book-1-01',
          voucherId: 'book-1-01',
          programmeId: 'prog-1',
          amountCents: 1000,
          scannedAt: '',
        },
      ],
      totalCents: 1000,
      until: '2026-02-10T00:00:00.000Z',
      awaitingBankDetails: false,
      openedAt: '2026-02-10T00:00:00.000Z',
    },
  }),
  at({
    type: 'SettlementBatchPaid.v1',
    data: {
      batchId: 'b1',
      payerId: '200054781',
      venueId: 'venue-a',
      totalCents: 1000,
      paymentReference: 'x',
      paidAt: '2026-02-11T09:00:00.000Z',
    },
  }),
];
const story = () => [
  at(programmeOpened()),
  at(venueRegistered()),
  at(bookIssued({ territory: { departements: ['33'], communes: [] } })),
  at(bookDistributed()),
  redeemed('book-1-01', 1000),
  ...batch(),
];

describe('territory spend', () => {
  it('counts a redemption in its venue’s commune, on its Paris day, and its reimbursement there too', () => {
    const rows = replay(territorySpendProjection(departementOf), story()).all('territory_spend');
    const merignac = rows.filter((row) => row.code === '33281');
    expect(merignac).toEqual([
      expect.objectContaining({ level: 'commune', day: '2026-02-04', redeemed_cents: 1000, redemptions: 1 }),
      expect.objectContaining({
        level: 'commune',
        day: '2026-02-11',
        reimbursed_cents: 1000,
        redemptions: 0,
      }),
    ]);
    const issued = rows.find((row) => row.level === 'departement' && row.day === '2026-02-01');
    expect(issued).toMatchObject({ code: '33', issued_cents: 2000, vouchers_issued: 2 });
    expect(rows.find((row) => row.level === 'commune' && row.code === '')).toMatchObject({
      issued_cents: 2000,
    });
  });

  it('refuses to read a row it did not declare (the SQL runner would not have loaded it)', () => {
    const overlay = new MemoryTables(territorySpendProjection(departementOf).tables, false);
    expect(() => territorySpendProjection(departementOf).project(redeemed('book-1-01', 5), overlay)).toThrow(
      /without declaring/,
    );
  });
});

describe('programme summary', () => {
  it('adds up committed, distributed, redeemed and reimbursed amounts', () => {
    const [row] = replay(programmeSummaryProjection(), [
      ...story(),
      at({
        type: 'BooksIssued.v1',
        data: {
          programmeId: 'prog-1',
          bookIds: ['book-1'],
          voucherCount: 2,
          amountCents: 2000,
          issuedAt: '',
        },
      }),
    ]).all('programme_summary');
    expect(row).toMatchObject({
      budget_cents: 10_000,
      committed_cents: 2000,
      distributed_cents: 2000,
      redeemed_cents: 1000,
      reimbursed_cents: 1000,
      vouchers_distributed: 2,
      funder_ids: ['200054781'],
    });
    expect(replay(programmeSummaryProjection(), story()).all('ps_batches')).toEqual([]);
  });
});

describe('venue activity', () => {
  it('groups redemptions per venue and Paris day', () => {
    const rows = replay(venueActivityProjection(), [
      redeemed('v1', 500, '2026-02-03T22:59:00Z'),
      redeemed('v2', 700, '2026-02-03T23:01:00Z'),
    ]).all('venue_activity');
    expect(rows).toEqual([
      { venue_id: 'venue-a', day: '2026-02-03', redemptions: 1, amount_cents: 500 },
      { venue_id: 'venue-a', day: '2026-02-04', redemptions: 1, amount_cents: 700 },
    ]);
  });
});

describe('voucher status', () => {
  it('follows each voucher: issued, distributed, redeemed; voided ones of a cancelled book', () => {
    const cancelled = at({
      type: 'BookCancelled.v1',
      data: { bookId: 'book-1', reason: 'lost', voidedVoucherIds: ['book-1-02'], cancelledAt: '' },
    });
    const rows = replay(voucherStatusProjection(), [...story(), cancelled]).all('voucher_status');
    expect(rows.map((row) => [row.voucher_id, row.status, voucherHistory(row).map((e) => e.event)])).toEqual([
      ['book-1-01', 'redeemed', ['issued', 'distributed', 'redeemed']],
      ['book-1-02', 'void', ['issued', 'distributed', 'void']],
    ]);
  });

  it('lists each voucher’s history in the order of its events, as GET /v1/vouchers/:id shows it', () => {
    const allocated = (to: string, instant: string) =>
      at(
        {
          type: 'BookAllocated.v1',
          data: {
            bookId: 'book-1',
            programmeId: 'prog-1',
            fromId: 'x',
            toDistributorId: to,
            allocatedAt: instant,
          },
        },
        instant,
      );
    const expired = at(
      {
        type: 'VouchersExpired.v1',
        data: {
          bookId: 'book-1',
          programmeId: 'prog-1',
          voucherIds: ['book-1-02'],
          amountCents: 1000,
          expiredAt: '',
        },
      },
      '2027-02-01T00:00:00.000Z',
    );
    const rows = replay(voucherStatusProjection(), [
      at(bookIssued(), '2026-02-01T00:00:00.000Z'),
      allocated('ccas-bordeaux', '2026-02-01T09:00:00.000Z'),
      allocated('ccas-merignac', '2026-02-01T10:00:00.000Z'),
      at(bookDistributed({ distributorId: 'ccas-merignac' }), '2026-02-02T00:00:00.000Z'),
      { ...redeemed('book-1-01', 1000, '2026-02-03T08:00:00.000Z'), recordedAt: '2026-02-03T08:00:01.000Z' },
      expired,
    ]).all('voucher_status');
    const distributed = {
      event: 'distributed',
      at: '2026-02-02T00:00:00.000Z',
      distributorId: 'ccas-merignac',
    };
    const opening = [
      { event: 'issued', at: '2026-02-01T00:00:00.000Z', redeemableUntil: '2027-01-31T23:59:59.000Z' },
      { event: 'allocated', at: '2026-02-01T09:00:00.000Z', distributorId: 'ccas-bordeaux' },
      { event: 'allocated', at: '2026-02-01T10:00:00.000Z', distributorId: 'ccas-merignac' },
      distributed,
    ];
    expect(rows.map((row) => [row.status, voucherHistory(row)])).toEqual([
      [
        'redeemed',
        [
          ...opening,
          {
            event: 'redeemed',
            at: '2026-02-03T08:00:01.000Z',
            redemptionId: 'r-book-1-01',
            venueId: 'venue-a',
            amountCents: 1000,
            scannedAt: '2026-02-03T08:00:00.000Z',
          },
        ],
      ],
      ['expired', [...opening, { event: 'expired', at: '2027-02-01T00:00:00.000Z' }]],
    ]);
  });
});
