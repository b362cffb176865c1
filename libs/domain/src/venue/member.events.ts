import type { DomainEvent } from '../shared/event';
import type { Instant } from '../shared/time';

/**
 * An agent who acts for the venue with their own sign-in. `subject` is the sign-in's `sub` claim
 * (an OIDC provider's opaque id); redemptions record only `memberId`, which says nothing of the person.
 */
export type VenueMemberAdded = DomainEvent<
  'VenueMemberAdded.v1',
  { venueId: string; memberId: string; subject: string; label: string; addedAt: Instant }
>;

export type VenueMemberRemoved = DomainEvent<
  'VenueMemberRemoved.v1',
  { venueId: string; memberId: string; removedAt: Instant }
>;

export type VenueMemberEvent = VenueMemberAdded | VenueMemberRemoved;
