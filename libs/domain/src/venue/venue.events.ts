import type { SealedBankAccount } from '../shared/bank-account';
import type { DomainEvent } from '../shared/event';
import type { Instant } from '../shared/time';
import type { VenueApprovalEvent } from './approval.events';
import type { VenueLocationEvent } from './location.events';
import type { VenueMemberEvent } from './member.events';
import type { VenueServiceEvent } from './service.events';

/** A venue (*lieu qualifié*) where beneficiaries redeem vouchers. */
export type VenueRegistered = DomainEvent<
  'VenueRegistered.v1',
  {
    venueId: string;
    siret: string;
    name: string;
    communeInsee: string;
    departement: string;
    registeredAt: Instant;
  }
>;

export type VenueCertified = DomainEvent<
  'VenueCertified.v1',
  { venueId: string; validUntil: Instant; certifiedAt: Instant }
>;

export type VenueCertificationSuspended = DomainEvent<
  'VenueCertificationSuspended.v1',
  { venueId: string; reason: string; suspendedAt: Instant }
>;

/** The account settlements pay the venue into, sealed (see shared/bank-account.ts). */
export type VenueBankAccountSet = DomainEvent<
  'VenueBankAccountSet.v1',
  SealedBankAccount & { venueId: string; setAt: Instant }
>;

/** Identity fields of a registered venue change only through an operator admin. */
export type VenueIdentityChanged = DomainEvent<
  'VenueIdentityChanged.v1',
  {
    venueId: string;
    siret?: string;
    name?: string;
    communeInsee?: string;
    departement?: string;
    changedAt: Instant;
  }
>;

export type VenueEvent =
  | VenueRegistered
  | VenueCertified
  | VenueCertificationSuspended
  | VenueBankAccountSet
  | VenueIdentityChanged
  | VenueLocationEvent
  | VenueMemberEvent
  | VenueServiceEvent
  | VenueApprovalEvent;
