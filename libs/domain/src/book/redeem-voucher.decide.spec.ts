import type { BookEvent } from './book.events';
import { evolveBook, initialBookState } from './book.state';
import { decideRedeemVoucher, type RedeemVoucher } from './redeem-voucher.decide';
import { evolveVenue, initialVenueState } from '../venue/venue.state';
import type { VenueEvent } from '../venue/venue.events';
import { isDomainError } from '../shared/errors';
import {
  PAYER_ID,
  OTHER_PAYER_ID,
  bookDistributed,
  bookIssued,
  payer,
  venueActor,
  venueCertified,
  venueRegistered,
} from '../testing/fixtures';

const NOW = '2026-06-01T10:00:00.000Z';
const redeem = (overrides: Partial<RedeemVoucher> = {}): RedeemVoucher => ({
  actor: venueActor(),
  voucherId: 'book-1-01',
  redemptionId: 'red-1',
  scannedAt: NOW,
  now: NOW,
  ...overrides,
});

function given(bookEvents: BookEvent[], venueEvents: VenueEvent[] = [venueRegistered(), venueCertified()]) {
  const book = bookEvents.reduce(evolveBook, initialBookState);
  const venue = venueEvents.reduce(evolveVenue, initialVenueState);
  return {
    when: (command: RedeemVoucher) => {
      const result = decideRedeemVoucher(command, book, venue);
      return {
        then: (expected: unknown) => expect(result).toEqual(expected),
        thenFails: (code: string) => expect(isDomainError(result) ? result.code : result).toBe(code),
      };
    },
  };
}

const redeemed = (overrides: Record<string, unknown> = {}) => [
  {
    type: 'VoucherRedeemed.v1',
    data: {
      bookId: 'book-1',
      programmeId: 'prog-1',
      voucherId: 'book-1-01',
      redemptionId: 'red-1',
      venueId: 'venue-a',
      amountCents: 1000,
      servicePriceCents: null,
      shares: [{ payerId: PAYER_ID, amountCents: overrides.amountCents ?? 1000 }],
      scannedAt: NOW,
      recordedAt: NOW,
      ...overrides,
    },
  },
];

describe('redeeming a voucher', () => {
  const distributed = [bookIssued(), bookDistributed()];

  it('redeems a distributed voucher at a certified venue in the territory for its face value', () => {
    given(distributed).when(redeem()).then(redeemed());
  });

  it('pays the service price when it is below the face value', () => {
    given(distributed)
      .when(redeem({ servicePriceCents: 750 }))
      .then(redeemed({ amountCents: 750, servicePriceCents: 750 }));
  });

  it('splits the amount between co-funders to the cent (invariant 5)', () => {
    const coFunders = [
      { payerId: PAYER_ID, shareBps: 6667 },
      { payerId: OTHER_PAYER_ID, shareBps: 3333 },
    ];
    given([bookIssued({ coFunders }), bookDistributed()])
      .when(redeem({ servicePriceCents: 1001 }))
      .then(
        redeemed({
          amountCents: 1000,
          servicePriceCents: 1001,
          shares: [
            { payerId: PAYER_ID, amountCents: 667 },
            { payerId: OTHER_PAYER_ID, amountCents: 333 },
          ],
        }),
      );
  });

  it('pays no more than the face value when the service costs more', () => {
    given(distributed)
      .when(redeem({ servicePriceCents: 2500 }))
      .then(redeemed({ amountCents: 1000, servicePriceCents: 2500 }));
  });

  it('accepts a venue whose commune (not département) is in the territory', () => {
    const paris = [venueRegistered({ communeInsee: '75056', departement: '75' }), venueCertified()];
    given(distributed, paris).when(redeem()).then(redeemed());
  });

  it('refuses a voucher redeemed once already, whichever venue asks', () => {
    const once = [...distributed, ...(redeemed() as BookEvent[])];
    given(once)
      .when(redeem({ redemptionId: 'red-2' }))
      .thenFails('voucher.already-redeemed');
    given(once)
      .when(redeem({ actor: venueActor('venue-b'), redemptionId: 'red-3' }))
      .thenFails('voucher.already-redeemed');
  });

  it('still redeems the other vouchers of the book', () => {
    const once = [...distributed, ...(redeemed() as BookEvent[])];
    given(once)
      .when(redeem({ voucherId: 'book-1-02', redemptionId: 'red-2' }))
      .then(redeemed({ voucherId: 'book-1-02', redemptionId: 'red-2' }));
  });

  it('refuses an unknown voucher', () => {
    given(distributed)
      .when(redeem({ voucherId: 'book-1-09' }))
      .thenFails('voucher.not-found');
    given([]).when(redeem()).thenFails('voucher.not-found');
  });

  it('refuses a book that was never handed out', () => {
    given([bookIssued()]).when(redeem()).thenFails('book.not-distributed');
  });

  it('refuses a voucher of a cancelled book', () => {
    const cancelled: BookEvent = {
      type: 'BookCancelled.v1',
      data: { bookId: 'book-1', reason: 'stolen', voidedVoucherIds: ['book-1-01'], cancelledAt: NOW },
    };
    given([...distributed, cancelled])
      .when(redeem())
      .thenFails('book.cancelled');
  });

  it('refuses a voucher scanned after its validity and its grace period', () => {
    given(distributed)
      .when(redeem({ scannedAt: '2027-02-01T00:00:00.000Z', now: '2027-02-01T00:00:00.000Z' }))
      .thenFails('voucher.expired');
  });

  it('refuses a voucher scanned before its validity starts', () => {
    given(distributed)
      .when(redeem({ scannedAt: '2025-12-31T00:00:00.000Z' }))
      .thenFails('voucher.not-yet-valid');
  });

  it('accepts a scan made offline while valid and sent after the validity ended', () => {
    given(distributed)
      .when(redeem({ scannedAt: '2026-12-31T20:00:00.000Z', now: '2027-01-02T08:00:00.000Z' }))
      .then(redeemed({ scannedAt: '2026-12-31T20:00:00.000Z', recordedAt: '2027-01-02T08:00:00.000Z' }));
  });

  it('refuses a scan dated in the future beyond clock skew', () => {
    given(distributed)
      .when(redeem({ scannedAt: '2026-06-01T11:00:00.000Z' }))
      .thenFails('redemption.scanned-in-future');
  });

  it('refuses a venue that is not certified', () => {
    given(distributed, [venueRegistered()]).when(redeem()).thenFails('venue.not-certified');
    given(distributed, []).when(redeem()).thenFails('venue.not-certified');
  });

  it('refuses a venue whose certification was suspended before the scan', () => {
    const suspended: VenueEvent = {
      type: 'VenueCertificationSuspended.v1',
      data: { venueId: 'venue-a', reason: 'audit', suspendedAt: '2026-05-01T00:00:00.000Z' },
    };
    given(distributed, [venueRegistered(), venueCertified(), suspended])
      .when(redeem())
      .thenFails('venue.not-certified');
  });

  it('accepts a scan made before the suspension and sent after it', () => {
    const suspended: VenueEvent = {
      type: 'VenueCertificationSuspended.v1',
      data: { venueId: 'venue-a', reason: 'audit', suspendedAt: '2026-06-01T09:00:00.000Z' },
    };
    given(distributed, [venueRegistered(), venueCertified(), suspended])
      .when(redeem({ scannedAt: '2026-06-01T08:00:00.000Z' }))
      .then(redeemed({ scannedAt: '2026-06-01T08:00:00.000Z' }));
  });

  it('refuses a venue whose certification had expired at the scan', () => {
    const short = venueCertified({ validUntil: '2026-03-01T00:00:00.000Z' });
    given(distributed, [venueRegistered(), short]).when(redeem()).thenFails('venue.not-certified');
  });

  it("refuses a venue outside the programme's territory", () => {
    const lyon = [venueRegistered({ communeInsee: '69123', departement: '69' }), venueCertified()];
    given(distributed, lyon).when(redeem()).thenFails('venue.out-of-territory');
  });

  it('refuses a zero, negative or fractional service price', () => {
    for (const price of [0, -100, 9.5])
      given(distributed)
        .when(redeem({ servicePriceCents: price }))
        .thenFails('redemption.invalid-amount');
  });

  it('lets only venues redeem', () => {
    given(distributed)
      .when(redeem({ actor: payer }))
      .thenFails('actor.forbidden');
  });
});
