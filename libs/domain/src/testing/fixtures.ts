import type { Actor } from '../shared/actor';
import type { Cents } from '../shared/money';
import type { ProgrammeOpened } from '../programme/programme.events';
import type { BookAllocated, BookDistributed, BookIssued, VoucherRedeemed } from '../book/book.events';
import type { VenueCertified, VenueRegistered } from '../venue/venue.events';
import type { VenueLocationAdded } from '../venue/location.events';
import type { VenueServicePublished } from '../venue/service.events';
import type { VenueMemberAdded } from '../venue/member.events';
import type { VenueApproved } from '../venue/approval.events';

export const PAYER_ID = '200054781';
export const OTHER_PAYER_ID = '213105554';
export const payer: Actor = { role: 'payer', org: PAYER_ID, subject: 'agent-1' };
export const otherPayer: Actor = { role: 'payer', org: OTHER_PAYER_ID, subject: 'agent-2' };
export const venueActor = (venueId = 'venue-a'): Actor => ({
  role: 'venue',
  org: venueId,
  subject: 'scanner',
});
export const admin: Actor = { role: 'admin', org: 'operator', subject: 'admin-1' };

export const programmeOpened = (overrides: Partial<ProgrammeOpened['data']> = {}): ProgrammeOpened => ({
  type: 'ProgrammeOpened.v1',
  data: {
    programmeId: 'prog-1',
    payerId: PAYER_ID,
    name: 'Pass numérique Gironde 2026',
    territory: { departements: ['33'], communes: [] },
    faceValueCents: 1000 as Cents,
    budgetCents: 10_000 as Cents,
    validFrom: '2026-01-01T00:00:00.000Z',
    validUntil: '2026-12-31T23:59:59.000Z',
    coFunders: [{ payerId: PAYER_ID, shareBps: 10_000 }],
    gracePeriodDays: 31,
    openedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  },
});

export const bookIssued = (overrides: Partial<BookIssued['data']> = {}): BookIssued => ({
  type: 'BookIssued.v1',
  data: {
    bookId: 'book-1',
    programmeId: 'prog-1',
    payerId: PAYER_ID,
    coFunders: [{ payerId: PAYER_ID, shareBps: 10_000 }],
    vouchers: [
      { voucherId: 'book-1-01', code: 'AAAAAAAAAAAA0' },
      { voucherId: 'book-1-02', code: 'BBBBBBBBBBBB0' },
    ],
    faceValueCents: 1000 as Cents,
    validFrom: '2026-01-01T00:00:00.000Z',
    validUntil: '2026-12-31T23:59:59.000Z',
    territory: { departements: ['33'], communes: ['75056'] },
    issuedAt: '2026-02-01T00:00:00.000Z',
    ...overrides,
  },
});

export const bookDistributed = (overrides: Partial<BookDistributed['data']> = {}): BookDistributed => ({
  type: 'BookDistributed.v1',
  data: {
    bookId: 'book-1',
    distributorId: 'ccas-bordeaux',
    beneficiaryRef: 'ref-123',
    distributedAt: '2026-02-02T00:00:00.000Z',
    recordedBy: PAYER_ID,
    ...overrides,
  },
});

export const venueRegistered = (overrides: Partial<VenueRegistered['data']> = {}): VenueRegistered => ({
  type: 'VenueRegistered.v1',
  data: {
    venueId: 'venue-a',
    siret: '73282932000074',
    name: 'Médiathèque de Mérignac',
    communeInsee: '33281',
    departement: '33',
    registeredAt: '2026-01-10T00:00:00.000Z',
    ...overrides,
  },
});

export const venueCertified = (overrides: Partial<VenueCertified['data']> = {}): VenueCertified => ({
  type: 'VenueCertified.v1',
  data: {
    venueId: 'venue-a',
    certifiedAt: '2026-01-15T00:00:00.000Z',
    validUntil: '2027-01-15T00:00:00.000Z',
    ...overrides,
  },
});

export const allocatedTo = (toDistributorId: string, fromId = PAYER_ID): BookAllocated => ({
  type: 'BookAllocated.v1',
  data: {
    bookId: 'book-1',
    programmeId: 'prog-1',
    fromId,
    toDistributorId,
    allocatedAt: '2026-02-01T12:00:00.000Z',
  },
});

/** The first voucher of book-1 redeemed at venue-a for its face value, paid by the lead payer alone. */
export const voucherRedeemed = (overrides: Partial<VoucherRedeemed['data']> = {}): VoucherRedeemed => ({
  type: 'VoucherRedeemed.v1',
  data: {
    bookId: 'book-1',
    programmeId: 'prog-1',
    voucherId: 'book-1-01',
    redemptionId: 'r1',
    venueId: 'venue-a',
    amountCents: 1000 as Cents,
    servicePriceCents: null,
    shares: [{ payerId: PAYER_ID, amountCents: 1000 as Cents }],
    scannedAt: '2026-06-01T00:00:00.000Z',
    recordedAt: '2026-06-01T00:00:00.000Z',
    ...overrides,
  },
});

/** A location of venue-a in Bordeaux (Gironde), without coordinates. */
export const venueLocationAdded = (
  overrides: Partial<VenueLocationAdded['data']> = {},
): VenueLocationAdded => ({
  type: 'VenueLocationAdded.v1',
  data: {
    venueId: 'venue-a',
    locationId: 'loc-1',
    name: 'Antenne Bordeaux Bastide',
    address: '12 avenue Thiers',
    postalCode: '33100',
    communeInsee: '33063',
    communeName: 'Bordeaux',
    departement: '33',
    latitude: null,
    longitude: null,
    openingHours: null,
    accessibility: null,
    addedAt: '2026-01-20T00:00:00.000Z',
    ...overrides,
  },
});

/** An individual "courriels" support at venue-a, priced one voucher, not at a regulated tariff. */
export const venueServicePublished = (
  overrides: Partial<VenueServicePublished['data']> = {},
): VenueServicePublished => ({
  type: 'VenueServicePublished.v1',
  data: {
    venueId: 'venue-a',
    serviceId: 'svc-1',
    title: 'Créer et gérer ses courriels',
    category: 'courriels',
    format: 'individual',
    durationMinutes: 60,
    priceInVouchers: 1,
    regulatedTariff: false,
    publishedAt: '2026-01-20T00:00:00.000Z',
    ...overrides,
  },
});

/** The `scanner` sign-in of venueActor() listed as member m-1 of venue-a. */
export const venueMemberAdded = (overrides: Partial<VenueMemberAdded['data']> = {}): VenueMemberAdded => ({
  type: 'VenueMemberAdded.v1',
  data: {
    venueId: 'venue-a',
    memberId: 'm-1',
    subject: 'scanner',
    label: 'Accueil',
    addedAt: '2026-01-20T00:00:00.000Z',
    ...overrides,
  },
});

/** The lead payer admits venue-a to prog-1. */
export const venueApproved = (overrides: Partial<VenueApproved['data']> = {}): VenueApproved => ({
  type: 'VenueApproved.v1',
  data: {
    venueId: 'venue-a',
    programmeId: 'prog-1',
    payerId: PAYER_ID,
    approvedAt: '2026-01-20T00:00:00.000Z',
    ...overrides,
  },
});
