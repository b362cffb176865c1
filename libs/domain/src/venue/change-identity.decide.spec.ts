import { specification } from '../testing/given-when-then';
import { admin, payer, venueActor, venueRegistered } from '../testing/fixtures';
import { decideChangeVenueIdentity, type ChangeVenueIdentity } from './change-identity.decide';
import type { VenueEvent } from './venue.events';
import { evolveVenue, initialVenueState } from './venue.state';

const NOW = '2026-04-01T00:00:00.000Z';
const changing = specification(evolveVenue, initialVenueState, decideChangeVenueIdentity);
const change = (overrides: Partial<ChangeVenueIdentity> = {}): ChangeVenueIdentity => ({
  actor: admin,
  venueId: 'venue-a',
  now: NOW,
  ...overrides,
});
const changed = (changes: Record<string, string>) => [
  { type: 'VenueIdentityChanged.v1', data: { venueId: 'venue-a', ...changes, changedAt: NOW } },
];

describe("changing a venue's identity", () => {
  it('records only the fields that change, the name trimmed', () => {
    changing
      .given([venueRegistered()])
      .when(change({ name: '  Espace numérique de Mérignac ' }))
      .then(changed({ name: 'Espace numérique de Mérignac' }));
    changing
      .given([venueRegistered()])
      .when(change({ siret: '35600000000048', name: 'Médiathèque de Mérignac' }))
      .then(changed({ siret: '35600000000048' }));
  });

  it('moves the head office with its département', () => {
    changing
      .given([venueRegistered()])
      .when(change({ commune: { communeInsee: '40192', departement: '40' } }))
      .then(changed({ communeInsee: '40192', departement: '40' }));
  });

  it('records every field at once when all change', () => {
    changing
      .given([venueRegistered()])
      .when(
        change({
          siret: '35600000000048',
          name: 'Tiers-lieu des Landes',
          commune: { communeInsee: '40192', departement: '40' },
        }),
      )
      .then(
        changed({
          siret: '35600000000048',
          name: 'Tiers-lieu des Landes',
          communeInsee: '40192',
          departement: '40',
        }),
      );
  });

  it('records nothing when nothing changes, so that a form saved twice leaves one trace', () => {
    changing.given([venueRegistered()]).when(change()).then([]);
    changing
      .given([venueRegistered()])
      .when(
        change({
          siret: '73282932000074',
          name: ' Médiathèque de Mérignac ',
          commune: { communeInsee: '33281', departement: '33' },
        }),
      )
      .then([]);
    const renamed: VenueEvent = changed({ name: 'Espace numérique' })[0] as VenueEvent;
    changing
      .given([venueRegistered(), renamed])
      .when(change({ name: 'Espace numérique' }))
      .then([]);
  });

  it('refuses an empty name', () => {
    changing
      .given([venueRegistered()])
      .when(change({ name: '   ' }))
      .thenFails('venue.invalid');
  });

  it('is for an operator admin only, the venue itself included', () => {
    changing
      .given([venueRegistered()])
      .when(change({ actor: venueActor(), name: 'Autre nom' }))
      .thenFails('actor.forbidden');
    changing
      .given([venueRegistered()])
      .when(change({ actor: payer, name: 'Autre nom' }))
      .thenFails('actor.forbidden');
  });

  it('refuses an unknown venue', () => {
    changing
      .given([])
      .when(change({ name: 'Autre nom' }))
      .thenFails('venue.not-found');
  });

  it('changes the venue as seen by the next decisions', () => {
    const state = [
      venueRegistered(),
      ...(changed({ name: 'Tiers-lieu', communeInsee: '40192', departement: '40' }) as VenueEvent[]),
    ].reduce(evolveVenue, initialVenueState);
    expect(state).toMatchObject({
      status: 'registered',
      venueId: 'venue-a',
      siret: '73282932000074',
      name: 'Tiers-lieu',
      communeInsee: '40192',
      departement: '40',
    });
    expect(state).not.toHaveProperty('changedAt');
  });
});
