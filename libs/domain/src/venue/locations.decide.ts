import type { Actor } from '../shared/actor';
import { domainError, isDomainError, type DomainError } from '../shared/errors';
import type { Decision } from '../shared/event';
import type { Instant } from '../shared/time';
import type { VenueLocation, VenueLocationAdded, VenueLocationClosed } from './location.events';
import { venueAccess } from './venue-access';
import type { VenueState } from './venue.state';

export interface AddVenueLocation {
  readonly actor: Actor;
  readonly venueId: string;
  readonly location: VenueLocation;
  readonly now: Instant;
}

export interface CloseVenueLocation {
  readonly actor: Actor;
  readonly venueId: string;
  readonly locationId: string;
  readonly now: Instant;
}

export function decideAddVenueLocation(
  command: AddVenueLocation,
  state: VenueState,
): Decision<VenueLocationAdded> {
  const access = venueAccess(command.actor, command.venueId, state);
  if (isDomainError(access)) return access;
  const invalid = checkLocation(command.location);
  if (invalid) return invalid;
  const { location, venueId, now } = command;
  return [
    {
      type: 'VenueLocationAdded.v1',
      data: { ...location, name: location.name.trim(), venueId, addedAt: now },
    },
  ];
}

export function decideCloseVenueLocation(
  command: CloseVenueLocation,
  state: VenueState,
): Decision<VenueLocationClosed> {
  const access = venueAccess(command.actor, command.venueId, state);
  if (isDomainError(access)) return access;
  if (!access.venue.locations.some((location) => location.locationId === command.locationId))
    return domainError('location.not-found', `no open location ${command.locationId}`);
  const { venueId, locationId, now } = command;
  return [{ type: 'VenueLocationClosed.v1', data: { venueId, locationId, closedAt: now } }];
}

function checkLocation(location: VenueLocation): DomainError | undefined {
  const invalid = (message: string) => domainError('location.invalid', message);
  if (location.name.trim().length === 0) return invalid('the name is empty');
  if (location.address.trim().length === 0) return invalid('the address is empty');
  if (!/^\d{5}$/.test(location.postalCode)) return invalid('a postal code is five digits');
  const { latitude, longitude } = location;
  if ((latitude === null) !== (longitude === null))
    return invalid('give both latitude and longitude, or neither');
  if (latitude !== null && !(Math.abs(latitude) <= 90)) return invalid('latitude lies in [-90, 90]');
  if (longitude !== null && !(Math.abs(longitude) <= 180)) return invalid('longitude lies in [-180, 180]');
  return undefined;
}
