import type { Actor } from '../shared/actor';
import { domainError, type DomainError } from '../shared/errors';
import type { RegisteredVenueState, VenueState } from './venue.state';

/** Who acts for a venue: an operator admin, or the venue's own sign-in (one of its members, if it lists any). */
export interface VenueAccess {
  readonly venue: RegisteredVenueState;
  /** The member acting, when the venue lists members; absent for an admin or a venue without members. */
  readonly agentId?: string;
}

/**
 * A venue that declares no members accepts any sign-in of its organisation (how venues start);
 * once it lists members, only they act for it, so removing an agent cuts their access at once.
 * Another venue's id is answered as unknown, never as forbidden.
 */
export function venueAccess(actor: Actor, venueId: string, state: VenueState): VenueAccess | DomainError {
  const notFound = domainError('venue.not-found', `no venue ${venueId}`);
  if (actor.role === 'venue' && actor.org !== venueId) return notFound;
  if (actor.role !== 'venue' && actor.role !== 'admin')
    return domainError('actor.forbidden', 'only the venue or an operator admin does this');
  if (state.status === 'none') return notFound;
  if (actor.role === 'admin') return { venue: state };
  return actingMember(actor, state);
}

/** The member behind a venue sign-in; for a scan, the agent recorded on the redemption. */
export function actingMember(actor: Actor, venue: RegisteredVenueState): VenueAccess | DomainError {
  if (venue.members.length === 0) return { venue };
  const member = venue.members.find((candidate) => candidate.subject === actor.subject);
  if (!member) return domainError('venue.not-a-member', 'this sign-in is not a member of the venue');
  return { venue, agentId: member.memberId };
}
