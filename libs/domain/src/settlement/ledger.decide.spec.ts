import type { Cents } from '../shared/money';
import { specification } from '../testing/given-when-then';
import { PAYER_ID, otherPayer, payer, venueActor } from '../testing/fixtures';
import type { PayableRecorded, PayablesBatched, PayablesRecorded, RecordedPayable } from './ledger.events';
import { evolveLedger, initialLedgerState } from './ledger.state';
import { decideBatchPayables, decideRecordPayables } from './settlement.decide';

const recording = specification(evolveLedger, initialLedgerState, decideRecordPayables);
const batching = specification(evolveLedger, initialLedgerState, decideBatchPayables);

const payable = (redemptionId: string, recordedAt: string, amountCents = 1000): RecordedPayable => ({
  redemptionId,
  voucherId: `book-1-0${redemptionId.slice(-1)}`,
  programmeId: 'prog-1',
  amountCents: amountCents as Cents,
  scannedAt: recordedAt,
  recordedAt,
});
const ledgerOf = { payerId: PAYER_ID, venueId: 'venue-a' };
const record = (...payables: RecordedPayable[]) => ({ ...ledgerOf, payables });
const recorded = (...payables: RecordedPayable[]): PayablesRecorded => ({
  type: 'PayablesRecorded.v1',
  data: { ...ledgerOf, payables },
});
/** One payable per event, as the reactor wrote them before PayablesRecorded: ledgers still hold them. */
const recordedAlone = (payable: RecordedPayable): PayableRecorded => ({
  type: 'PayableRecorded.v1',
  data: { ...ledgerOf, ...payable },
});
const batched = (batchId: string, redemptionIds: string[], totalCents: number): PayablesBatched => ({
  type: 'PayablesBatched.v1',
  data: {
    batchId,
    payerId: PAYER_ID,
    venueId: 'venue-a',
    redemptionIds,
    totalCents: totalCents as Cents,
    until: '2026-03-01T00:00:00.000Z',
    batchedAt: '2026-03-01T00:00:00.000Z',
  },
});

const JAN = '2026-01-10T09:00:00.000Z';
const FEB = '2026-02-10T09:00:00.000Z';
const MAR = '2026-03-10T09:00:00.000Z';
const run = (until: string, overrides = {}) => ({
  actor: payer,
  payerId: PAYER_ID,
  venueId: 'venue-a',
  batchId: 'stl-1',
  until,
  awaitingBankDetails: false,
  now: '2026-04-01T00:00:00.000Z',
  ...overrides,
});

describe('recording payables on a ledger', () => {
  it("records a pass's redemption shares as one event, in the order given", () => {
    recording
      .given([])
      .when(record(payable('red-2', FEB), payable('red-1', JAN)))
      .then([recorded(payable('red-2', FEB), payable('red-1', JAN))]);
  });

  it('ignores a redemption already recorded, batched or not, one at a time or together (idempotent reactor)', () => {
    recording
      .given([recorded(payable('red-1', JAN))])
      .when(record(payable('red-1', JAN), payable('red-2', FEB)))
      .then([recorded(payable('red-2', FEB))]);
    recording
      .given([recordedAlone(payable('red-1', JAN)), batched('stl-0', ['red-1'], 1000)])
      .when(record(payable('red-1', JAN)))
      .then([]);
  });

  it('records a redemption given twice in one pass once', () => {
    recording
      .given([])
      .when(record(payable('red-1', JAN), payable('red-1', JAN)))
      .then([recorded(payable('red-1', JAN))]);
  });

  it("records the service's title when the redemption named a service", () => {
    const withService = { ...payable('red-1', JAN), serviceTitle: 'Atelier démarches en ligne' };
    recording
      .given([])
      .when(record(withService))
      .then([recorded(withService)]);
  });

  it('records nothing for a zero share: nothing is owed', () => {
    recording
      .given([])
      .when(record(payable('red-1', JAN, 0), payable('red-2', FEB)))
      .then([recorded(payable('red-2', FEB))]);
    recording
      .given([])
      .when(record(payable('red-1', JAN, 0)))
      .then([]);
  });
});

describe('batching a ledger', () => {
  // Both kinds of recording event: ledgers written before PayablesRecorded hold one per payable.
  const ledger = [recordedAlone(payable('red-1', JAN, 1000)), recorded(payable('red-2', FEB, 750))];

  it('takes the unbatched payables recorded at or before `until`, and opens their batch', () => {
    const later = recorded(payable('red-3', MAR, 500));
    batching
      .given([...ledger, later])
      .when(run(FEB))
      .then([
        {
          type: 'PayablesBatched.v1',
          data: {
            batchId: 'stl-1',
            payerId: PAYER_ID,
            venueId: 'venue-a',
            redemptionIds: ['red-1', 'red-2'],
            totalCents: 1750,
            until: FEB,
            batchedAt: '2026-04-01T00:00:00.000Z',
          },
        },
        {
          type: 'SettlementBatchOpened.v1',
          data: {
            batchId: 'stl-1',
            payerId: PAYER_ID,
            venueId: 'venue-a',
            payables: [
              {
                redemptionId: 'red-1',
                voucherId: 'book-1-01',
                programmeId: 'prog-1',
                amountCents: 1000,
                scannedAt: JAN,
              },
              {
                redemptionId: 'red-2',
                voucherId: 'book-1-02',
                programmeId: 'prog-1',
                amountCents: 750,
                scannedAt: FEB,
              },
            ],
            totalCents: 1750,
            until: FEB,
            awaitingBankDetails: false,
            openedAt: '2026-04-01T00:00:00.000Z',
          },
        },
      ]);
  });

  it('leaves a payable recorded after the cut-off to the next batch', () => {
    const { result } = batching
      .given([...ledger, recorded(payable('red-3', MAR, 500)), batched('stl-1', ['red-1', 'red-2'], 1750)])
      .when(run('2026-03-31T00:00:00.000Z', { batchId: 'stl-2' }));
    expect(result).toMatchObject([
      { type: 'PayablesBatched.v1', data: { batchId: 'stl-2', redemptionIds: ['red-3'], totalCents: 500 } },
      { type: 'SettlementBatchOpened.v1', data: { batchId: 'stl-2', totalCents: 500 } },
    ]);
  });

  it('finds nothing left once another run batched the payables (the loser of a race)', () => {
    batching
      .given([...ledger, batched('stl-1', ['red-1', 'red-2'], 1750)])
      .when(run(MAR, { batchId: 'stl-2' }))
      .then([]);
    batching.given([]).when(run(MAR)).then([]);
  });

  it("carries each payable's service title into the batch, and nothing for payables recorded without one", () => {
    const { result } = batching
      .given([
        recorded(
          { ...payable('red-1', JAN), serviceTitle: 'Atelier démarches en ligne' },
          payable('red-2', FEB),
        ),
      ])
      .when(run(MAR));
    expect(result).toMatchObject([{}, { type: 'SettlementBatchOpened.v1' }]);
    const [, opened] = result as [unknown, { data: { payables: object[] } }];
    expect(opened.data.payables[0]).toMatchObject({ serviceTitle: 'Atelier démarches en ligne' });
    expect(opened.data.payables[1]).not.toHaveProperty('serviceTitle');
    expect(opened.data.payables[1]).not.toHaveProperty('recordedAt');
  });

  it('names the calendar month of a monthly run on the batch, and none on a run up to any instant', () => {
    const monthly = batching.given(ledger).when(run(MAR, { period: '2026-02' })).result;
    expect(monthly).toMatchObject([{}, { data: { period: '2026-02' } }]);
    const adHoc = batching.given(ledger).when(run(MAR)).result as [unknown, { data: object }];
    expect(adHoc[1].data).not.toHaveProperty('period');
  });

  it('leaves a payable recorded at the very instant a month ends to the next month, not to an ad-hoc run', () => {
    const boundary = '2026-03-01T00:00:00.000Z';
    const atBoundary = [recorded(payable('red-1', FEB), payable('red-9', boundary))];
    const monthly = batching.given(atBoundary).when(run(boundary, { period: '2026-02' })).result;
    expect(monthly).toMatchObject([{ data: { redemptionIds: ['red-1'] } }, {}]);
    const adHoc = batching.given(atBoundary).when(run(boundary)).result;
    expect(adHoc).toMatchObject([{ data: { redemptionIds: ['red-1', 'red-9'] } }, {}]);
  });

  it('flags a batch whose venue has no bank details yet', () => {
    const { result } = batching.given(ledger).when(run(MAR, { awaitingBankDetails: true }));
    expect(result).toMatchObject([{}, { data: { awaitingBankDetails: true } }]);
  });

  it("refuses another payer's ledger, a venue, and a cut-off in the future", () => {
    batching
      .given(ledger)
      .when(run(MAR, { actor: otherPayer }))
      .thenFails('actor.forbidden');
    batching
      .given(ledger)
      .when(run(MAR, { actor: venueActor() }))
      .thenFails('actor.forbidden');
    batching.given(ledger).when(run('2026-05-01T00:00:00.000Z')).thenFails('settlement.invalid');
  });
});
