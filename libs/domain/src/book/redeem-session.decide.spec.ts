import { isDomainError } from '../shared/errors';
import type { Cents } from '../shared/money';
import type { VenueEvent } from '../venue/venue.events';
import { evolveVenue, initialVenueState } from '../venue/venue.state';
import {
  OTHER_PAYER_ID,
  PAYER_ID,
  bookDistributed,
  bookIssued,
  payer,
  venueActor,
  venueApproved,
  venueCertified,
  venueLocationAdded,
  venueMemberAdded,
  venueRegistered,
  venueServicePublished,
  voucherRedeemed,
} from '../testing/fixtures';
import type { BookEvent } from './book.events';
import { evolveBook, initialBookState, type BookState } from './book.state';
import { decideRedeemSession, type RedeemSession } from './redeem-session.decide';

const NOW = '2026-06-01T10:00:00.000Z';

/** book-1: three vouchers, handed out to ref-123. */
const book1 = (
  issued: Parameters<typeof bookIssued>[0] = {},
  ref: string | null = 'ref-123',
): BookEvent[] => [
  bookIssued({
    vouchers: [
      { voucherId: 'book-1-01', code: 'AAAAAAAAAAAA0' },
      { voucherId: 'book-1-02', code: 'BBBBBBBBBBBB0' },
      { voucherId: 'book-1-03', code: 'CCCCCCCCCCCC0' },
    ],
    ...issued,
  }),
  bookDistributed({ beneficiaryRef: ref }),
];
/** book-2: two vouchers of the same programme, handed out to `ref`. */
const book2 = (
  ref: string | null = 'ref-123',
  issued: Parameters<typeof bookIssued>[0] = {},
): BookEvent[] => [
  bookIssued({
    bookId: 'book-2',
    vouchers: [
      { voucherId: 'book-2-01', code: 'DDDDDDDDDDDD0' },
      { voucherId: 'book-2-02', code: 'EEEEEEEEEEEE0' },
    ],
    ...issued,
  }),
  bookDistributed({ bookId: 'book-2', beneficiaryRef: ref }),
];
const cancelled = (bookId: string, voucherIds: string[]): BookEvent => ({
  type: 'BookCancelled.v1',
  data: { bookId, reason: 'lost', voidedVoucherIds: voucherIds, cancelledAt: '2026-05-01T00:00:00.000Z' },
});

/** A collective workshop priced three vouchers. */
const workshop = {
  serviceId: 'svc-3',
  title: 'Atelier démarches en ligne',
  category: 'demarches-en-ligne' as const,
  format: 'collective' as const,
  durationMinutes: 180,
  priceInVouchers: 3,
  regulatedTariff: false,
};
const certified: VenueEvent[] = [venueRegistered(), venueCertified()];
const withWorkshop: VenueEvent[] = [...certified, venueServicePublished(workshop)];

const vouchers = (...voucherIds: string[]) =>
  voucherIds.map((voucherId, i) => ({ voucherId, redemptionId: `red-${i + 1}` }));
const session = (overrides: Partial<RedeemSession> = {}): RedeemSession => ({
  actor: venueActor(),
  vouchers: vouchers('book-1-01', 'book-1-02', 'book-1-03'),
  sessionId: 'sess-1',
  serviceId: 'svc-3',
  scannedAt: NOW,
  now: NOW,
  ...overrides,
});

function given(bookStreams: BookEvent[][], venueEvents: VenueEvent[] = withWorkshop) {
  const books = new Map<string, BookState>();
  for (const stream of bookStreams) {
    const state = stream.reduce(evolveBook, initialBookState);
    if (state.status !== 'none') books.set(state.bookId, state);
  }
  const venue = venueEvents.reduce(evolveVenue, initialVenueState);
  return {
    when: (command: RedeemSession) => {
      const result = decideRedeemSession(command, books, venue);
      return {
        result,
        then: (expected: unknown) => {
          if (isDomainError(result))
            throw new Error(`expected events, got ${result.code}: ${result.message}`);
          expect(result).toEqual(expected);
        },
        thenFails: (code: string) => expect(isDomainError(result) ? result.code : result).toBe(code),
      };
    },
  };
}

const serviceOf = { serviceId: 'svc-3', title: 'Atelier démarches en ligne', category: 'demarches-en-ligne' };
/** The redemption of one voucher of the workshop session, at NOW. */
const redeemed = (voucherId: string, redemptionId: string, extra: Record<string, unknown> = {}) =>
  voucherRedeemed({
    bookId: voucherId.slice(0, 6),
    voucherId,
    redemptionId,
    scannedAt: NOW,
    recordedAt: NOW,
    sessionId: 'sess-1',
    service: serviceOf as never,
    ...extra,
  });

describe('a session paid with several vouchers', () => {
  it('redeems three vouchers for a service priced three, each for its face value, sharing the session', () => {
    given([book1()])
      .when(session())
      .then([redeemed('book-1-01', 'red-1'), redeemed('book-1-02', 'red-2'), redeemed('book-1-03', 'red-3')]);
  });

  it('takes fewer vouchers than the price when the tariff is not regulated', () => {
    given([book1()])
      .when(session({ vouchers: vouchers('book-1-01', 'book-1-02') }))
      .then([redeemed('book-1-01', 'red-1'), redeemed('book-1-02', 'red-2')]);
  });

  it('records the location and, when the venue lists members, the agent who scanned', () => {
    const staffed = [...withWorkshop, venueLocationAdded(), venueMemberAdded({ memberId: 'agt-7' })];
    const there = { locationId: 'loc-1', agentId: 'agt-7' };
    given([book1()], staffed)
      .when(session())
      .then([
        redeemed('book-1-01', 'red-1', there),
        redeemed('book-1-02', 'red-2', there),
        redeemed('book-1-03', 'red-3', there),
      ]);
  });

  it('records no agent for a venue without members and no location for a venue without locations', () => {
    const result = given([book1()]).when(session()).result as readonly { data: object }[];
    for (const event of result) {
      expect(event.data).not.toHaveProperty('agentId');
      expect(event.data).not.toHaveProperty('locationId');
    }
  });

  it('redeems vouchers of two books of the same beneficiary, each with its book and programme', () => {
    given([book1(), book2('ref-123')])
      .when(session({ vouchers: vouchers('book-1-01', 'book-2-01', 'book-2-02') }))
      .then([redeemed('book-1-01', 'red-1'), redeemed('book-2-01', 'red-2'), redeemed('book-2-02', 'red-3')]);
  });

  it('splits each voucher between the co-funders of its book', () => {
    const coFunders = [
      { payerId: PAYER_ID, shareBps: 7000 },
      { payerId: OTHER_PAYER_ID, shareBps: 3000 },
    ];
    const shares = [
      { payerId: PAYER_ID, amountCents: 700 as Cents },
      { payerId: OTHER_PAYER_ID, amountCents: 300 as Cents },
    ];
    given([book1({ coFunders })])
      .when(session({ vouchers: vouchers('book-1-01', 'book-1-02') }))
      .then([redeemed('book-1-01', 'red-1', { shares }), redeemed('book-1-02', 'red-2', { shares })]);
  });

  it('omits the session id when the command names none', () => {
    given([book1()])
      .when(session({ sessionId: undefined, vouchers: vouchers('book-1-01') }))
      .then([
        voucherRedeemed({
          redemptionId: 'red-1',
          scannedAt: NOW,
          recordedAt: NOW,
          service: serviceOf as never,
        }),
      ]);
  });
});

describe('a session is all or nothing', () => {
  it('refuses the whole session when one voucher was redeemed already', () => {
    const once = [...book1(), voucherRedeemed({ voucherId: 'book-1-02', redemptionId: 'earlier' })];
    given([once]).when(session()).thenFails('voucher.already-redeemed');
  });

  it('refuses the whole session when one voucher is unknown', () => {
    given([book1()])
      .when(session({ vouchers: vouchers('book-1-01', 'book-1-09') }))
      .thenFails('voucher.not-found');
    given([book1()])
      .when(session({ vouchers: vouchers('book-1-01', 'book-2-01') }))
      .thenFails('voucher.not-found');
  });

  it('refuses the whole session when one voucher comes from a cancelled book', () => {
    given([book1(), [...book2(), cancelled('book-2', ['book-2-01', 'book-2-02'])]])
      .when(session({ vouchers: vouchers('book-1-01', 'book-1-02', 'book-2-01') }))
      .thenFails('book.cancelled');
  });

  it('refuses the whole session when the last voucher fails, not just that voucher', () => {
    const once = [...book1(), voucherRedeemed({ voucherId: 'book-1-03', redemptionId: 'earlier' })];
    const { result } = given([once]).when(session());
    expect(Array.isArray(result)).toBe(false);
    expect(isDomainError(result) && result.code).toBe('voucher.already-redeemed');
  });

  it('refuses the same voucher twice in one session', () => {
    given([book1()])
      .when(
        session({
          vouchers: [
            { voucherId: 'book-1-01', redemptionId: 'red-1' },
            { voucherId: 'book-1-01', redemptionId: 'red-2' },
          ],
        }),
      )
      .thenFails('redemption.invalid');
  });

  it('refuses a session without vouchers', () => {
    given([book1()])
      .when(session({ vouchers: [] }))
      .thenFails('redemption.invalid');
  });

  it('is for venues only', () => {
    given([book1()])
      .when(session({ actor: payer }))
      .thenFails('actor.forbidden');
  });
});

describe('the service of a session', () => {
  it('refuses more vouchers than the service costs', () => {
    const twoVoucherService = [...certified, venueServicePublished({ ...workshop, priceInVouchers: 2 })];
    given([book1()], twoVoucherService).when(session()).thenFails('redemption.voucher-count');
  });

  it('refuses fewer vouchers than the price at a regulated tariff, and takes exactly the price', () => {
    const regulated = [...certified, venueServicePublished({ ...workshop, regulatedTariff: true })];
    given([book1()], regulated)
      .when(session({ vouchers: vouchers('book-1-01', 'book-1-02') }))
      .thenFails('redemption.voucher-count');
    given([book1()], regulated)
      .when(session())
      .then([redeemed('book-1-01', 'red-1'), redeemed('book-1-02', 'red-2'), redeemed('book-1-03', 'red-3')]);
  });

  it('refuses several vouchers without a service', () => {
    given([book1()])
      .when(session({ serviceId: undefined, vouchers: vouchers('book-1-01', 'book-1-02') }))
      .thenFails('redemption.invalid');
  });

  it('accepts one voucher without a service, as a plain redemption', () => {
    given([book1()])
      .when(session({ serviceId: undefined, sessionId: undefined, vouchers: vouchers('book-1-01') }))
      .then([voucherRedeemed({ redemptionId: 'red-1', scannedAt: NOW, recordedAt: NOW })]);
  });

  it('refuses an unknown service, and a withdrawn one', () => {
    given([book1()])
      .when(session({ serviceId: 'svc-9' }))
      .thenFails('service.not-found');
    const withdrawn: VenueEvent = {
      type: 'VenueServiceWithdrawn.v1',
      data: { venueId: 'venue-a', serviceId: 'svc-3', withdrawnAt: '2026-05-01T00:00:00.000Z' },
    };
    given([book1()], [...withWorkshop, withdrawn])
      .when(session())
      .thenFails('service.not-found');
  });

  it('refuses a price in cents on top of a service priced in vouchers', () => {
    given([book1()])
      .when(session({ vouchers: vouchers('book-1-01'), servicePriceCents: 500 }))
      .thenFails('redemption.invalid');
  });
});

describe('the location of a session', () => {
  const bastide = venueLocationAdded();
  const cauderan = venueLocationAdded({ locationId: 'loc-2', name: 'Antenne Caudéran' });
  const oneVoucher = { vouchers: vouchers('book-1-01') };

  it('requires the location when the venue has two', () => {
    given([book1()], [...withWorkshop, bastide, cauderan])
      .when(session(oneVoucher))
      .thenFails('location.required');
  });

  it('records the location named, among several', () => {
    given([book1()], [...withWorkshop, bastide, cauderan])
      .when(session({ ...oneVoucher, locationId: 'loc-2' }))
      .then([redeemed('book-1-01', 'red-1', { locationId: 'loc-2' })]);
  });

  it('takes the only location when none is named', () => {
    given([book1()], [...withWorkshop, bastide])
      .when(session(oneVoucher))
      .then([redeemed('book-1-01', 'red-1', { locationId: 'loc-1' })]);
  });

  it('refuses an unknown location and a closed one', () => {
    given([book1()], [...withWorkshop, bastide])
      .when(session({ ...oneVoucher, locationId: 'loc-9' }))
      .thenFails('location.not-found');
    const closed: VenueEvent = {
      type: 'VenueLocationClosed.v1',
      data: { venueId: 'venue-a', locationId: 'loc-2', closedAt: '2026-05-01T00:00:00.000Z' },
    };
    given([book1()], [...withWorkshop, bastide, cauderan, closed])
      .when(session({ ...oneVoucher, locationId: 'loc-2' }))
      .thenFails('location.not-found');
  });
});

describe("the territory is judged at the location's commune", () => {
  const landes = {
    communeInsee: '40192',
    communeName: 'Mont-de-Marsan',
    departement: '40',
    postalCode: '40000',
  };
  /** book-1 of a programme for Gironde only. */
  const gironde = () => book1({ territory: { departements: ['33'], communes: [] } });
  const oneVoucher = { vouchers: vouchers('book-1-01') };

  it('refuses a Gironde venue at its location in another département', () => {
    given([gironde()], [...withWorkshop, venueLocationAdded(landes)])
      .when(session(oneVoucher))
      .thenFails('venue.out-of-territory');
    given(
      [gironde()],
      [...withWorkshop, venueLocationAdded(), venueLocationAdded({ ...landes, locationId: 'loc-2' })],
    )
      .when(session({ ...oneVoucher, locationId: 'loc-2' }))
      .thenFails('venue.out-of-territory');
  });

  it('accepts a venue registered elsewhere at its location in Gironde', () => {
    const elsewhere: VenueEvent[] = [
      venueRegistered({ communeInsee: '40192', departement: '40' }),
      venueCertified(),
      venueServicePublished(workshop),
      venueLocationAdded(),
    ];
    given([gironde()], elsewhere)
      .when(session(oneVoucher))
      .then([redeemed('book-1-01', 'red-1', { locationId: 'loc-1' })]);
  });

  it('judges a venue without locations at its registered commune', () => {
    const elsewhere: VenueEvent[] = [
      venueRegistered({ communeInsee: '40192', departement: '40' }),
      venueCertified(),
      venueServicePublished(workshop),
    ];
    given([gironde()], elsewhere).when(session(oneVoucher)).thenFails('venue.out-of-territory');
  });

  it("accepts a location whose commune (not département) is in the programme's territory", () => {
    const paris = { communeInsee: '75056', communeName: 'Paris', departement: '75', postalCode: '75011' };
    given(
      [book1({ territory: { departements: ['33'], communes: ['75056'] } })],
      [...withWorkshop, venueLocationAdded(paris)],
    )
      .when(session(oneVoucher))
      .then([redeemed('book-1-01', 'red-1', { locationId: 'loc-1' })]);
  });
});

describe('programmes restricted to approved venues', () => {
  const restricted = () => book1({ approvedVenuesOnly: true });

  it('refuses a venue the payer has not approved', () => {
    given([restricted()]).when(session()).thenFails('venue.not-approved');
  });

  it('accepts a venue approved for the programme', () => {
    given([restricted()], [...withWorkshop, venueApproved()])
      .when(session({ vouchers: vouchers('book-1-01') }))
      .then([redeemed('book-1-01', 'red-1')]);
  });

  it('refuses a venue approved for another programme only', () => {
    given([restricted()], [...withWorkshop, venueApproved({ programmeId: 'prog-2' })])
      .when(session())
      .thenFails('venue.not-approved');
  });

  it('refuses the venue again once its approval was withdrawn', () => {
    const withdrawn: VenueEvent = {
      type: 'VenueApprovalWithdrawn.v1',
      data: {
        venueId: 'venue-a',
        programmeId: 'prog-1',
        payerId: PAYER_ID,
        withdrawnAt: '2026-05-01T00:00:00.000Z',
      },
    };
    given([restricted()], [...withWorkshop, venueApproved(), withdrawn])
      .when(session())
      .thenFails('venue.not-approved');
  });

  it('refuses the whole session when one of its books is restricted', () => {
    given([book1(), book2('ref-123', { approvedVenuesOnly: true })])
      .when(session({ vouchers: vouchers('book-1-01', 'book-2-01') }))
      .thenFails('venue.not-approved');
  });
});

describe('programmes restricted to service categories', () => {
  const courrielsOnly = () => book1({ serviceCategories: ['courriels', 'securite-en-ligne'] });

  it('accepts a service of a covered category', () => {
    const courriels = [...certified, venueServicePublished({ serviceId: 'svc-1', priceInVouchers: 3 })];
    const service = { serviceId: 'svc-1', title: 'Créer et gérer ses courriels', category: 'courriels' };
    given([courrielsOnly()], courriels)
      .when(session({ serviceId: 'svc-1', vouchers: vouchers('book-1-01', 'book-1-02') }))
      .then([redeemed('book-1-01', 'red-1', { service }), redeemed('book-1-02', 'red-2', { service })]);
  });

  it('refuses a service of another category', () => {
    given([courrielsOnly()]).when(session()).thenFails('service.category-not-covered');
  });

  it('refuses a redemption that names no service', () => {
    given([courrielsOnly()])
      .when(session({ serviceId: undefined, vouchers: vouchers('book-1-01') }))
      .thenFails('service.category-not-covered');
  });
});

describe('one beneficiary per session', () => {
  it('refuses books handed out to different beneficiaries', () => {
    given([book1(), book2('ref-456')])
      .when(session({ vouchers: vouchers('book-1-01', 'book-2-01') }))
      .thenFails('redemption.mixed-beneficiaries');
  });

  it('accepts books without references', () => {
    given([book1({}, null), book2(null)])
      .when(session({ vouchers: vouchers('book-1-01', 'book-2-01') }))
      .then([redeemed('book-1-01', 'red-1'), redeemed('book-2-01', 'red-2')]);
  });
});

describe('members of the venue', () => {
  it('refuses a sign-in that is not a member of a venue with members', () => {
    given([book1()], [...withWorkshop, venueMemberAdded({ subject: 'alice' })])
      .when(session())
      .thenFails('venue.not-a-member');
  });

  it('refuses a member removed before the scan is sent', () => {
    const removed: VenueEvent = {
      type: 'VenueMemberRemoved.v1',
      data: { venueId: 'venue-a', memberId: 'm-1', removedAt: '2026-05-01T00:00:00.000Z' },
    };
    given(
      [book1()],
      [...withWorkshop, venueMemberAdded(), venueMemberAdded({ memberId: 'm-2', subject: 'alice' }), removed],
    )
      .when(session())
      .thenFails('venue.not-a-member');
  });

  it('records the member who scanned as agent', () => {
    given([book1()], [...withWorkshop, venueMemberAdded({ memberId: 'agt-3' })])
      .when(session({ vouchers: vouchers('book-1-01') }))
      .then([redeemed('book-1-01', 'red-1', { agentId: 'agt-3' })]);
  });
});
