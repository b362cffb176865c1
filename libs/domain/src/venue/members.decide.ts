import type { Actor } from '../shared/actor';
import { domainError, isDomainError } from '../shared/errors';
import type { Decision } from '../shared/event';
import type { Instant } from '../shared/time';
import type { VenueMemberAdded, VenueMemberRemoved } from './member.events';
import { venueAccess } from './venue-access';
import type { VenueState } from './venue.state';

export interface AddVenueMember {
  readonly actor: Actor;
  readonly venueId: string;
  readonly memberId: string;
  readonly subject: string;
  readonly label: string;
  readonly now: Instant;
}

export interface RemoveVenueMember {
  readonly actor: Actor;
  readonly venueId: string;
  readonly memberId: string;
  readonly now: Instant;
}

export function decideAddVenueMember(command: AddVenueMember, state: VenueState): Decision<VenueMemberAdded> {
  const access = venueAccess(command.actor, command.venueId, state);
  if (isDomainError(access)) return access;
  const subject = command.subject.trim();
  const label = command.label.trim();
  if (subject.length === 0 || label.length === 0)
    return domainError('venue.invalid', 'a member needs the sign-in subject and a label');
  if (access.venue.members.some((member) => member.subject === subject))
    return domainError('member.already-added', 'this sign-in is already a member');
  // The first member must be the one adding (or an admin): otherwise the venue would lock itself out.
  const { actor } = command;
  if (actor.role === 'venue' && access.venue.members.length === 0 && actor.subject !== subject)
    return domainError('venue.invalid', 'add your own sign-in first, then your colleagues');
  const { venueId, memberId, now } = command;
  return [{ type: 'VenueMemberAdded.v1', data: { venueId, memberId, subject, label, addedAt: now } }];
}

export function decideRemoveVenueMember(
  command: RemoveVenueMember,
  state: VenueState,
): Decision<VenueMemberRemoved> {
  const access = venueAccess(command.actor, command.venueId, state);
  if (isDomainError(access)) return access;
  const { members } = access.venue;
  if (!members.some((member) => member.memberId === command.memberId))
    return domainError('member.not-found', `no member ${command.memberId}`);
  if (command.actor.role === 'venue' && members.length === 1)
    return domainError('venue.invalid', 'the last member cannot remove themselves: ask an operator admin');
  const { venueId, memberId, now } = command;
  return [{ type: 'VenueMemberRemoved.v1', data: { venueId, memberId, removedAt: now } }];
}
