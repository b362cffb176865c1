import type { DomainEvent } from '../shared/event';
import type { Instant } from '../shared/time';

/**
 * A payer admits the venue to one of its programmes restricted to approved venues. Kept on the
 * venue's stream because a redemption reads that stream anyway: checking approval costs no extra read.
 */
export type VenueApproved = DomainEvent<
  'VenueApproved.v1',
  { venueId: string; programmeId: string; payerId: string; approvedAt: Instant }
>;

export type VenueApprovalWithdrawn = DomainEvent<
  'VenueApprovalWithdrawn.v1',
  { venueId: string; programmeId: string; payerId: string; withdrawnAt: Instant }
>;

export type VenueApprovalEvent = VenueApproved | VenueApprovalWithdrawn;
