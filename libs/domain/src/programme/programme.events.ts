import type { ExpiryAlertFigures } from './expiry-alert';
import type { Cents, PayerShare } from '../shared/money';
import type { DomainEvent } from '../shared/event';
import type { Territory } from '../shared/territory';
import type { Instant } from '../shared/time';
import type { ServiceCategory } from '../venue/service-categories';

export type ProgrammeOpened = DomainEvent<
  'ProgrammeOpened.v1',
  {
    programmeId: string;
    payerId: string;
    name: string;
    territory: Territory;
    faceValueCents: Cents;
    budgetCents: Cents;
    validFrom: Instant;
    validUntil: Instant;
    coFunders: PayerShare[];
    /** Days after validUntil during which scans are still accepted; absent in early events: 31. */
    gracePeriodDays?: number;
    /** Only venues the payer approved redeem this programme's vouchers (absent: false). */
    approvedVenuesOnly?: boolean;
    /** The service categories the vouchers pay for (absent: all). */
    serviceCategories?: ServiceCategory[];
    openedAt: Instant;
  }
>;

/** Issuing books commits budget: the sum of committed amounts never exceeds the budget. */
export type BooksIssued = DomainEvent<
  'BooksIssued.v1',
  { programmeId: string; bookIds: string[]; voucherCount: number; amountCents: Cents; issuedAt: Instant }
>;

/** The payer blocks further allocation and hand-over; books already handed out stay usable. */
export type DistributionStopped = DomainEvent<
  'DistributionStopped.v1',
  { programmeId: string; stoppedAt: Instant }
>;

/** A credit note (*avoir*) for the face value of the vouchers expired, split between co-funders. */
export type CreditNoteIssued = DomainEvent<
  'CreditNoteIssued.v1',
  {
    programmeId: string;
    creditNoteId: string;
    voucherCount: number;
    amountCents: Cents;
    shares: { payerId: string; amountCents: Cents }[];
    issuedAt: Instant;
  }
>;

/** From D-30 the payer hears that the programme ends, with where its books stand. */
export type ProgrammeExpiring = DomainEvent<
  'ProgrammeExpiring.v1',
  {
    programmeId: string;
    validUntil: Instant;
    redeemableUntil: Instant;
    figures: ExpiryAlertFigures;
    announcedAt: Instant;
  }
>;

export type ProgrammeEvent =
  ProgrammeOpened | BooksIssued | DistributionStopped | CreditNoteIssued | ProgrammeExpiring;
