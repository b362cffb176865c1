import type { Actor } from '../shared/actor';
import { domainError, isDomainError, type DomainError } from '../shared/errors';
import type { Decision } from '../shared/event';
import type { Instant } from '../shared/time';
import { isServiceCategory, SERVICE_CATEGORIES, SERVICE_FORMATS } from './service-categories';
import type { VenueService, VenueServicePublished, VenueServiceWithdrawn } from './service.events';
import { venueAccess } from './venue-access';
import type { VenueState } from './venue.state';

/** A session is at most a day's work and at most this many vouchers: beyond is a typing slip. */
export const MAX_VOUCHERS_PER_SESSION = 10;
const MAX_DURATION_MINUTES = 8 * 60;

export interface PublishVenueService {
  readonly actor: Actor;
  readonly venueId: string;
  readonly service: VenueService;
  readonly now: Instant;
}

export interface WithdrawVenueService {
  readonly actor: Actor;
  readonly venueId: string;
  readonly serviceId: string;
  readonly now: Instant;
}

export function decidePublishVenueService(
  command: PublishVenueService,
  state: VenueState,
): Decision<VenueServicePublished> {
  const access = venueAccess(command.actor, command.venueId, state);
  if (isDomainError(access)) return access;
  const invalid = checkService(command.service);
  if (invalid) return invalid;
  const { service, venueId, now } = command;
  return [
    {
      type: 'VenueServicePublished.v1',
      data: { ...service, title: service.title.trim(), venueId, publishedAt: now },
    },
  ];
}

export function decideWithdrawVenueService(
  command: WithdrawVenueService,
  state: VenueState,
): Decision<VenueServiceWithdrawn> {
  const access = venueAccess(command.actor, command.venueId, state);
  if (isDomainError(access)) return access;
  if (!access.venue.services.some((service) => service.serviceId === command.serviceId))
    return domainError('service.not-found', `no published service ${command.serviceId}`);
  const { venueId, serviceId, now } = command;
  return [{ type: 'VenueServiceWithdrawn.v1', data: { venueId, serviceId, withdrawnAt: now } }];
}

function checkService(service: VenueService): DomainError | undefined {
  const invalid = (message: string) => domainError('service.invalid', message);
  if (service.title.trim().length === 0) return invalid('the title is empty');
  if (!isServiceCategory(service.category))
    return invalid(`category is one of: ${SERVICE_CATEGORIES.join(', ')}`);
  if (!SERVICE_FORMATS.includes(service.format))
    return invalid(`format is one of: ${SERVICE_FORMATS.join(', ')}`);
  if (!isWholeBetween(service.durationMinutes, 1, MAX_DURATION_MINUTES))
    return invalid(`durationMinutes is a whole number from 1 to ${MAX_DURATION_MINUTES}`);
  if (!isWholeBetween(service.priceInVouchers, 1, MAX_VOUCHERS_PER_SESSION))
    return invalid(`priceInVouchers is a whole number from 1 to ${MAX_VOUCHERS_PER_SESSION}`);
  return undefined;
}

function isWholeBetween(value: number, min: number, max: number): boolean {
  return Number.isSafeInteger(value) && value >= min && value <= max;
}
