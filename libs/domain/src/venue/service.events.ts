import type { DomainEvent } from '../shared/event';
import type { Instant } from '../shared/time';
import type { ServiceCategory, ServiceFormat } from './service-categories';

/** What a venue offers, priced in number of vouchers (a session takes 1..priceInVouchers). */
export interface VenueService {
  readonly serviceId: string;
  readonly title: string;
  readonly category: ServiceCategory;
  readonly format: ServiceFormat;
  readonly durationMinutes: number;
  readonly priceInVouchers: number;
  /** The venue promises the beneficiary pays nothing more: a session takes exactly priceInVouchers. */
  readonly regulatedTariff: boolean;
}

export type VenueServicePublished = DomainEvent<
  'VenueServicePublished.v1',
  VenueService & { venueId: string; publishedAt: Instant }
>;

export type VenueServiceWithdrawn = DomainEvent<
  'VenueServiceWithdrawn.v1',
  { venueId: string; serviceId: string; withdrawnAt: Instant }
>;

export type VenueServiceEvent = VenueServicePublished | VenueServiceWithdrawn;
