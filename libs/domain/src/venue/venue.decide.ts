import type { Actor } from '../shared/actor';
import { checkSealedAccount, type SealedBankAccount } from '../shared/bank-account';
import { domainError, isDomainError } from '../shared/errors';
import type { Decision } from '../shared/event';
import { isBefore, type Instant } from '../shared/time';
import type {
  VenueBankAccountSet,
  VenueCertificationSuspended,
  VenueCertified,
  VenueRegistered,
} from './venue.events';
import { venueAccess } from './venue-access';
import { isCertifiedAt, type VenueState } from './venue.state';

export interface RegisterVenue {
  readonly actor: Actor;
  readonly venueId: string;
  readonly siret: string;
  readonly name: string;
  readonly communeInsee: string;
  readonly departement: string;
  readonly now: Instant;
}

export interface CertifyVenue {
  readonly actor: Actor;
  readonly venueId: string;
  readonly validUntil: Instant;
  readonly now: Instant;
}

export interface SuspendVenueCertification {
  readonly actor: Actor;
  readonly venueId: string;
  readonly reason: string;
  readonly now: Instant;
}

const onlyAdmin = () => domainError('actor.forbidden', 'only an operator admin manages venues');

export function decideRegisterVenue(command: RegisterVenue, state: VenueState): Decision<VenueRegistered> {
  if (command.actor.role !== 'admin') return onlyAdmin();
  if (state.status !== 'none')
    return domainError('venue.already-registered', 'this venue id is already taken');
  if (command.name.trim().length === 0) return domainError('venue.invalid', 'the name is empty');
  const { venueId, siret, communeInsee, departement, now } = command;
  return [
    {
      type: 'VenueRegistered.v1',
      data: { venueId, siret, name: command.name.trim(), communeInsee, departement, registeredAt: now },
    },
  ];
}

export function decideCertifyVenue(command: CertifyVenue, state: VenueState): Decision<VenueCertified> {
  if (command.actor.role !== 'admin') return onlyAdmin();
  if (state.status === 'none') return domainError('venue.not-found', `no venue ${command.venueId}`);
  if (!isBefore(command.now, command.validUntil))
    return domainError('venue.invalid', 'a certification must end in the future');
  return [
    {
      type: 'VenueCertified.v1',
      data: { venueId: state.venueId, validUntil: command.validUntil, certifiedAt: command.now },
    },
  ];
}

export function decideSuspendVenueCertification(
  command: SuspendVenueCertification,
  state: VenueState,
): Decision<VenueCertificationSuspended> {
  if (command.actor.role !== 'admin') return onlyAdmin();
  if (state.status === 'none') return domainError('venue.not-found', `no venue ${command.venueId}`);
  if (!isCertifiedAt(state, command.now))
    return domainError('venue.not-certified', 'the venue is not certified now');
  return [
    {
      type: 'VenueCertificationSuspended.v1',
      data: { venueId: state.venueId, reason: command.reason, suspendedAt: command.now },
    },
  ];
}

export interface SetVenueBankAccount {
  readonly actor: Actor;
  readonly venueId: string;
  readonly account: SealedBankAccount;
  readonly now: Instant;
}

/**
 * An operator admin or the venue itself (one of its members, once it lists them: where the money
 * goes is the last thing a former agent should change); another venue's id is answered as unknown.
 */
export function decideSetVenueBankAccount(
  command: SetVenueBankAccount,
  state: VenueState,
): Decision<VenueBankAccountSet> {
  const { actor, venueId, account, now } = command;
  const access = venueAccess(actor, venueId, state);
  if (isDomainError(access)) return access;
  const invalid = checkSealedAccount(account);
  if (invalid) return invalid;
  return [{ type: 'VenueBankAccountSet.v1', data: { venueId, ...account, setAt: now } }];
}
