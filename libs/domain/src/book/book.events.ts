import type { DomainEvent } from '../shared/event';
import type { Cents, PayerShare } from '../shared/money';
import type { Territory } from '../shared/territory';
import type { Instant } from '../shared/time';
import type { ServiceCategory } from '../venue/service-categories';

/** A book (*carnet*) is the unit of consistency of its vouchers (at most 20). */
export type BookIssued = DomainEvent<
  'BookIssued.v1',
  {
    bookId: string;
    programmeId: string;
    payerId: string;
    coFunders: PayerShare[];
    vouchers: { voucherId: string; code: string }[];
    faceValueCents: Cents;
    validFrom: Instant;
    validUntil: Instant;
    territory: Territory;
    /** Days after validUntil during which scans are still accepted; absent in early events: 31. */
    gracePeriodDays?: number;
    /** Copied from the programme: only venues its payer approved redeem (absent: any venue). */
    approvedVenuesOnly?: boolean;
    /** Copied from the programme: the service categories its vouchers pay for (absent: all). */
    serviceCategories?: ServiceCategory[];
    issuedAt: Instant;
  }
>;

/**
 * The book moves along the distribution chain (*injecté*): from its payer to a distributor, or
 * from a distributor to another of its network. Only the holder hands it out.
 */
export type BookAllocated = DomainEvent<
  'BookAllocated.v1',
  { bookId: string; programmeId: string; fromId: string; toDistributorId: string; allocatedAt: Instant }
>;

/** After the grace period the vouchers never redeemed expire; their face value is credited back. */
export type VouchersExpired = DomainEvent<
  'VouchersExpired.v1',
  { bookId: string; programmeId: string; voucherIds: string[]; amountCents: Cents; expiredAt: Instant }
>;

/** `beneficiaryRef` is pseudonymous: an opaque reference chosen by the distributor, never a name. */
export type BookDistributed = DomainEvent<
  'BookDistributed.v1',
  {
    bookId: string;
    distributorId: string;
    beneficiaryRef: string | null;
    distributedAt: Instant;
    recordedBy: string;
  }
>;

export type VoucherRedeemed = DomainEvent<
  'VoucherRedeemed.v1',
  {
    bookId: string;
    programmeId: string;
    voucherId: string;
    redemptionId: string;
    venueId: string;
    amountCents: Cents;
    servicePriceCents: Cents | null;
    /** Each funding payer's part, split by largest remainder at redemption (DESIGN §4.5). */
    shares: { payerId: string; amountCents: Cents }[];
    scannedAt: Instant;
    recordedAt: Instant;
    /** One session paid with several vouchers shares one id (absent in early events). */
    sessionId?: string;
    locationId?: string;
    /** The venue member who scanned, pseudonymous (absent when the venue declares no members). */
    agentId?: string;
    service?: { serviceId: string; title: string; category: ServiceCategory };
  }
>;

export const CANCELLATION_REASONS = ['lost', 'stolen', 'error'] as const;
export type CancellationReason = (typeof CANCELLATION_REASONS)[number];

/** The vouchers not redeemed yet become void. */
export type BookCancelled = DomainEvent<
  'BookCancelled.v1',
  { bookId: string; reason: CancellationReason; voidedVoucherIds: string[]; cancelledAt: Instant }
>;

export type BookEvent =
  BookIssued | BookAllocated | BookDistributed | VoucherRedeemed | BookCancelled | VouchersExpired;
