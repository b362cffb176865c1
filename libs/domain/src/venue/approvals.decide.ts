import type { Actor } from '../shared/actor';
import { domainError, type DomainError } from '../shared/errors';
import type { Decision } from '../shared/event';
import type { ProgrammeState } from '../programme/programme.state';
import type { Instant } from '../shared/time';
import type { VenueApprovalWithdrawn, VenueApproved } from './approval.events';
import type { VenueState } from './venue.state';

export interface ChangeVenueApproval {
  readonly actor: Actor;
  readonly programmeId: string;
  readonly venueId: string;
  readonly now: Instant;
}

/** The programme's lead payer admits a venue; approving twice changes nothing. */
export function decideApproveVenue(
  command: ChangeVenueApproval,
  programme: ProgrammeState,
  venue: VenueState,
): Decision<VenueApproved> {
  const refused = checkApprover(command, programme, venue);
  if (refused) return refused;
  if (venue.status === 'none' || venue.approvedProgrammes.includes(command.programmeId)) return [];
  const { venueId, programmeId, now } = command;
  return [
    { type: 'VenueApproved.v1', data: { venueId, programmeId, payerId: command.actor.org, approvedAt: now } },
  ];
}

export function decideWithdrawVenueApproval(
  command: ChangeVenueApproval,
  programme: ProgrammeState,
  venue: VenueState,
): Decision<VenueApprovalWithdrawn> {
  const refused = checkApprover(command, programme, venue);
  if (refused) return refused;
  if (venue.status === 'none' || !venue.approvedProgrammes.includes(command.programmeId))
    return domainError('venue.not-approved', 'this venue is not approved for the programme');
  const { venueId, programmeId, now } = command;
  return [
    {
      type: 'VenueApprovalWithdrawn.v1',
      data: { venueId, programmeId, payerId: command.actor.org, withdrawnAt: now },
    },
  ];
}

function checkApprover(
  command: ChangeVenueApproval,
  programme: ProgrammeState,
  venue: VenueState,
): DomainError | undefined {
  if (command.actor.role !== 'payer') return domainError('actor.forbidden', 'only the payer approves venues');
  if (programme.status === 'none' || programme.payerId !== command.actor.org)
    return domainError('programme.not-found', `no programme ${command.programmeId}`);
  if (venue.status === 'none') return domainError('venue.not-found', `no venue ${command.venueId}`);
  return undefined;
}
