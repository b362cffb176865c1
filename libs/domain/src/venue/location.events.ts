import type { DomainEvent } from '../shared/event';
import type { Instant } from '../shared/time';

/** A point of presence of the venue: where sessions happen, and what the public directory lists. */
export interface VenueLocation {
  readonly locationId: string;
  readonly name: string;
  /** Street and number (*voie*). */
  readonly address: string;
  readonly postalCode: string;
  readonly communeInsee: string;
  readonly communeName: string;
  readonly departement: string;
  readonly latitude: number | null;
  readonly longitude: number | null;
  /** Free text, e.g. "lundi 9h-12h, mercredi 14h-18h". */
  readonly openingHours: string | null;
  readonly accessibility: string | null;
}

export type VenueLocationAdded = DomainEvent<
  'VenueLocationAdded.v1',
  VenueLocation & { venueId: string; addedAt: Instant }
>;

export type VenueLocationClosed = DomainEvent<
  'VenueLocationClosed.v1',
  { venueId: string; locationId: string; closedAt: Instant }
>;

export type VenueLocationEvent = VenueLocationAdded | VenueLocationClosed;
