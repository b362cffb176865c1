import { specification } from '../testing/given-when-then';
import {
  admin,
  payer,
  venueActor,
  venueLocationAdded,
  venueMemberAdded,
  venueRegistered,
} from '../testing/fixtures';
import type { VenueLocation } from './location.events';
import {
  decideAddVenueLocation,
  decideCloseVenueLocation,
  type AddVenueLocation,
  type CloseVenueLocation,
} from './locations.decide';
import { evolveVenue, initialVenueState } from './venue.state';

const NOW = '2026-01-20T00:00:00.000Z';
const adding = specification(evolveVenue, initialVenueState, decideAddVenueLocation);
const closing = specification(evolveVenue, initialVenueState, decideCloseVenueLocation);

const { venueId: _venueId, addedAt: _addedAt, ...bastide } = venueLocationAdded().data;
const add = (location: Partial<VenueLocation> = {}, overrides: Partial<AddVenueLocation> = {}) => ({
  actor: venueActor(),
  venueId: 'venue-a',
  location: { ...bastide, ...location },
  now: NOW,
  ...overrides,
});
const close = (overrides: Partial<CloseVenueLocation> = {}): CloseVenueLocation => ({
  actor: venueActor(),
  venueId: 'venue-a',
  locationId: 'loc-1',
  now: '2026-03-01T00:00:00.000Z',
  ...overrides,
});

describe('adding a location', () => {
  it('adds a location of the venue, its name trimmed', () => {
    adding
      .given([venueRegistered()])
      .when(add({ name: '  Antenne Bordeaux Bastide ' }))
      .then([venueLocationAdded()]);
  });

  it('keeps coordinates, opening hours and accessibility', () => {
    const details = {
      latitude: 44.8466,
      longitude: -0.5574,
      openingHours: 'lundi 9h-12h',
      accessibility: 'plain-pied',
    };
    adding
      .given([venueRegistered()])
      .when(add(details))
      .then([venueLocationAdded(details)]);
  });

  it('lets an operator admin add one, and a member of a venue with members', () => {
    adding
      .given([venueRegistered()])
      .when(add({}, { actor: admin }))
      .then([venueLocationAdded()]);
    adding.given([venueRegistered(), venueMemberAdded()]).when(add()).then([venueLocationAdded()]);
  });

  it('refuses a sign-in that is not a member, another venue, a payer and an unknown venue', () => {
    adding
      .given([venueRegistered(), venueMemberAdded({ subject: 'alice' })])
      .when(add())
      .thenFails('venue.not-a-member');
    adding
      .given([venueRegistered()])
      .when(add({}, { actor: venueActor('venue-b') }))
      .thenFails('venue.not-found');
    adding
      .given([venueRegistered()])
      .when(add({}, { actor: payer }))
      .thenFails('actor.forbidden');
    adding.given([]).when(add()).thenFails('venue.not-found');
  });

  it.each<[string, Partial<VenueLocation>]>([
    ['an empty name', { name: '   ' }],
    ['an empty address', { address: ' ' }],
    ['a postal code of four digits', { postalCode: '3310' }],
    ['a postal code with letters', { postalCode: '2A004' }],
    ['a latitude without longitude', { latitude: 44.8 }],
    ['a longitude without latitude', { longitude: -0.5 }],
    ['a latitude beyond 90', { latitude: 91, longitude: 0 }],
    ['a longitude beyond 180', { latitude: 0, longitude: -180.5 }],
    ['a latitude that is not a number', { latitude: Number.NaN, longitude: 0 }],
  ])('refuses %s', (_, location) => {
    adding.given([venueRegistered()]).when(add(location)).thenFails('location.invalid');
  });

  it('accepts coordinates on the bounds', () => {
    adding
      .given([venueRegistered()])
      .when(add({ latitude: -90, longitude: 180 }))
      .then([venueLocationAdded({ latitude: -90, longitude: 180 })]);
  });
});

describe('closing a location', () => {
  it('closes an open location', () => {
    closing
      .given([venueRegistered(), venueLocationAdded()])
      .when(close())
      .then([
        {
          type: 'VenueLocationClosed.v1',
          data: { venueId: 'venue-a', locationId: 'loc-1', closedAt: '2026-03-01T00:00:00.000Z' },
        },
      ]);
  });

  it('refuses an unknown location, and one closed already', () => {
    closing
      .given([venueRegistered(), venueLocationAdded()])
      .when(close({ locationId: 'loc-9' }))
      .thenFails('location.not-found');
    closing
      .given([
        venueRegistered(),
        venueLocationAdded(),
        {
          type: 'VenueLocationClosed.v1',
          data: { venueId: 'venue-a', locationId: 'loc-1', closedAt: '2026-02-01T00:00:00.000Z' },
        },
      ])
      .when(close())
      .thenFails('location.not-found');
  });

  it('refuses another venue and a payer', () => {
    closing
      .given([venueRegistered(), venueLocationAdded()])
      .when(close({ actor: venueActor('venue-b') }))
      .thenFails('venue.not-found');
    closing
      .given([venueRegistered(), venueLocationAdded()])
      .when(close({ actor: payer }))
      .thenFails('actor.forbidden');
  });
});
