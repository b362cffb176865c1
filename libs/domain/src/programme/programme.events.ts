import type { Cents, PayerShare } from '../shared/money';
import type { DomainEvent } from '../shared/event';
import type { Territory } from '../shared/territory';
import type { Instant } from '../shared/time';

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
    openedAt: Instant;
  }
>;

/** Issuing books commits budget: the sum of committed amounts never exceeds the budget. */
export type BooksIssued = DomainEvent<
  'BooksIssued.v1',
  { programmeId: string; bookIds: string[]; voucherCount: number; amountCents: Cents; issuedAt: Instant }
>;

export type ProgrammeEvent = ProgrammeOpened | BooksIssued;
