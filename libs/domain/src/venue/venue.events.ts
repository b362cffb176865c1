import type { SealedBankAccount } from '../shared/bank-account';
import type { DomainEvent } from '../shared/event';
import type { Instant } from '../shared/time';

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

export type VenueEvent = VenueRegistered | VenueCertified | VenueCertificationSuspended | VenueBankAccountSet;
