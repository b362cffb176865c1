import type { VoucherRedeemed } from '@pass/domain';
import type { StoredEvent } from '@pass/event-store';
import { payablesByLedger } from './payables-from-redemptions';

let position = 0;
function stored(type: string, data: unknown): StoredEvent {
  position++;
  return {
    eventId: `event-${position}`,
    streamId: 'book-1',
    streamVersion: position,
    type,
    data,
    metadata: {},
    recordedAt: new Date('2026-03-10T09:00:00Z'),
    position: { transactionId: String(position), globalPosition: String(position) },
  };
}

const redeemed = (redemptionId: string, extra: Partial<VoucherRedeemed['data']> = {}) =>
  stored('VoucherRedeemed.v1', {
    bookId: 'book-1',
    programmeId: 'prog-1',
    voucherId: `book-1-0${redemptionId.slice(-1)}`,
    redemptionId,
    venueId: 'venue-a',
    amountCents: 1000,
    servicePriceCents: null,
    shares: [{ payerId: '200054781', amountCents: 1000 }],
    scannedAt: '2026-03-10T08:59:00.000Z',
    recordedAt: '2026-03-10T09:00:00.000Z',
    ...extra,
  });

describe('payables from the redemptions in the log', () => {
  it("gives each co-funder's share to its own ledger, with the service's title when one was named", () => {
    const ledgers = payablesByLedger([
      redeemed('red-1', {
        shares: [
          { payerId: '200054781', amountCents: 600 },
          { payerId: '213105554', amountCents: 400 },
        ] as VoucherRedeemed['data']['shares'],
        service: { serviceId: 'svc-1', title: 'Atelier démarches en ligne', category: 'demarches-en-ligne' },
      } as Partial<VoucherRedeemed['data']>),
      stored('BookCancelled.v1', { bookId: 'book-2' }),
    ]);
    expect([...ledgers.keys()].sort()).toEqual(['ledger-200054781-venue-a', 'ledger-213105554-venue-a']);
    const first = ledgers.get('ledger-200054781-venue-a')!;
    expect(first.key).toEqual({ payerId: '200054781', venueId: 'venue-a' });
    expect(first.payables).toEqual([
      {
        redemptionId: 'red-1',
        voucherId: 'book-1-01',
        programmeId: 'prog-1',
        amountCents: 600,
        scannedAt: '2026-03-10T08:59:00.000Z',
        recordedAt: '2026-03-10T09:00:00.000Z',
        serviceTitle: 'Atelier démarches en ligne',
      },
    ]);
    expect(first.causationIds).toEqual(['event-1']);
    expect(ledgers.get('ledger-213105554-venue-a')!.payables[0].amountCents).toBe(400);
  });

  it('leaves the service title out for a redemption that named no service (and for early events)', () => {
    const [ledger] = payablesByLedger([redeemed('red-1'), redeemed('red-2')]).values();
    expect(ledger.payables.map((payable) => payable.redemptionId)).toEqual(['red-1', 'red-2']);
    for (const payable of ledger.payables) expect(payable).not.toHaveProperty('serviceTitle');
  });
});
