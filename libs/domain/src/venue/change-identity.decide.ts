import type { Actor } from '../shared/actor';
import { domainError } from '../shared/errors';
import type { Decision } from '../shared/event';
import type { Instant } from '../shared/time';
import type { VenueIdentityChanged } from './venue.events';
import type { VenueState } from './venue.state';

export interface ChangeVenueIdentity {
  readonly actor: Actor;
  readonly venueId: string;
  readonly siret?: string;
  readonly name?: string;
  /** With its département, resolved by the caller from INSEE data. */
  readonly commune?: { readonly communeInsee: string; readonly departement: string };
  readonly now: Instant;
}

/** Identity (SIRET, name, head-office commune) is what certification vouched for: only an admin changes it. */
export function decideChangeVenueIdentity(
  command: ChangeVenueIdentity,
  state: VenueState,
): Decision<VenueIdentityChanged> {
  if (command.actor.role !== 'admin')
    return domainError('actor.forbidden', "only an operator admin changes a venue's identity");
  if (state.status === 'none') return domainError('venue.not-found', `no venue ${command.venueId}`);
  const name = command.name?.trim();
  if (name !== undefined && name.length === 0) return domainError('venue.invalid', 'the name is empty');
  const changes = {
    ...(command.siret !== undefined && command.siret !== state.siret ? { siret: command.siret } : {}),
    ...(name !== undefined && name !== state.name ? { name } : {}),
    ...(command.commune && command.commune.communeInsee !== state.communeInsee ? command.commune : {}),
  };
  // Nothing changes: no event, so that a form saved twice leaves one trace.
  if (Object.keys(changes).length === 0) return [];
  return [
    { type: 'VenueIdentityChanged.v1', data: { venueId: state.venueId, ...changes, changedAt: command.now } },
  ];
}
