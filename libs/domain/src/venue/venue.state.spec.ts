import {
  PAYER_ID,
  venueApproved,
  venueLocationAdded,
  venueMemberAdded,
  venueRegistered,
  venueServicePublished,
} from '../testing/fixtures';
import type { VenueEvent } from './venue.events';
import { evolveVenue, initialVenueState, type RegisteredVenueState } from './venue.state';

const AT = '2026-03-01T00:00:00.000Z';
const replay = (events: VenueEvent[]) =>
  events.reduce(evolveVenue, initialVenueState) as RegisteredVenueState;
const closed = (locationId: string): VenueEvent => ({
  type: 'VenueLocationClosed.v1',
  data: { venueId: 'venue-a', locationId, closedAt: AT },
});
const withdrawn = (serviceId: string): VenueEvent => ({
  type: 'VenueServiceWithdrawn.v1',
  data: { venueId: 'venue-a', serviceId, withdrawnAt: AT },
});
const removed = (memberId: string): VenueEvent => ({
  type: 'VenueMemberRemoved.v1',
  data: { venueId: 'venue-a', memberId, removedAt: AT },
});
const approvalWithdrawn = (programmeId: string): VenueEvent => ({
  type: 'VenueApprovalWithdrawn.v1',
  data: { venueId: 'venue-a', programmeId, payerId: PAYER_ID, withdrawnAt: AT },
});

describe('the venue state', () => {
  it('starts a registered venue with no location, member, service or approval', () => {
    expect(replay([venueRegistered()])).toEqual({
      status: 'registered',
      venueId: 'venue-a',
      siret: '73282932000074',
      name: 'Médiathèque de Mérignac',
      communeInsee: '33281',
      departement: '33',
      certifications: [],
      locations: [],
      members: [],
      services: [],
      approvedProgrammes: [],
    });
  });

  it('ignores venue events before the registration', () => {
    expect(replay([venueLocationAdded(), venueMemberAdded(), venueApproved()])).toEqual({ status: 'none' });
  });

  it('keeps open locations without the venue id or date, and drops a closed one', () => {
    const second = venueLocationAdded({ locationId: 'loc-2', name: 'Antenne Caudéran' });
    const state = replay([venueRegistered(), venueLocationAdded(), second]);
    expect(state.locations.map((l) => l.locationId)).toEqual(['loc-1', 'loc-2']);
    expect(state.locations[0]).not.toHaveProperty('venueId');
    expect(state.locations[0]).not.toHaveProperty('addedAt');
    const { venueId: _v, addedAt: _a, ...loc1 } = venueLocationAdded().data;
    expect(state.locations[0]).toEqual(loc1);

    const after = replay([venueRegistered(), venueLocationAdded(), second, closed('loc-1')]);
    expect(after.locations.map((l) => l.locationId)).toEqual(['loc-2']);
    expect(replay([venueRegistered(), venueLocationAdded(), closed('loc-9')]).locations).toHaveLength(1);
  });

  it('lists members by id, subject and label, and drops a removed one', () => {
    const alice = venueMemberAdded({ memberId: 'm-2', subject: 'alice', label: 'Alice' });
    expect(replay([venueRegistered(), venueMemberAdded(), alice]).members).toEqual([
      { memberId: 'm-1', subject: 'scanner', label: 'Accueil' },
      { memberId: 'm-2', subject: 'alice', label: 'Alice' },
    ]);
    expect(replay([venueRegistered(), venueMemberAdded(), alice, removed('m-1')]).members).toEqual([
      { memberId: 'm-2', subject: 'alice', label: 'Alice' },
    ]);
  });

  it('keeps published services, a republished one replacing the former, and drops a withdrawn one', () => {
    const workshop = venueServicePublished({ serviceId: 'svc-2', title: 'Atelier', priceInVouchers: 3 });
    const state = replay([venueRegistered(), venueServicePublished(), workshop]);
    expect(state.services.map((s) => s.serviceId)).toEqual(['svc-1', 'svc-2']);
    expect(state.services[0]).not.toHaveProperty('publishedAt');
    expect(state.services[0]).not.toHaveProperty('venueId');

    const repriced = venueServicePublished({ priceInVouchers: 2 });
    const republished = replay([venueRegistered(), venueServicePublished(), workshop, repriced]);
    expect(republished.services).toHaveLength(2);
    expect(republished.services.find((s) => s.serviceId === 'svc-1')?.priceInVouchers).toBe(2);

    expect(
      replay([venueRegistered(), venueServicePublished(), workshop, withdrawn('svc-1')]).services.map(
        (s) => s.serviceId,
      ),
    ).toEqual(['svc-2']);
  });

  it('lists the programmes that approved the venue, and forgets a withdrawn approval only', () => {
    const both = [venueRegistered(), venueApproved(), venueApproved({ programmeId: 'prog-2' })];
    expect(replay(both).approvedProgrammes).toEqual(['prog-1', 'prog-2']);
    expect(replay([...both, approvalWithdrawn('prog-1')]).approvedProgrammes).toEqual(['prog-2']);
    expect(replay([...both, approvalWithdrawn('prog-1'), venueApproved()]).approvedProgrammes).toEqual([
      'prog-2',
      'prog-1',
    ]);
  });

  it('applies an identity change to the changed fields only', () => {
    const state = replay([
      venueRegistered(),
      { type: 'VenueIdentityChanged.v1', data: { venueId: 'venue-a', name: 'Tiers-lieu', changedAt: AT } },
    ]);
    expect(state).toMatchObject({ name: 'Tiers-lieu', siret: '73282932000074', communeInsee: '33281' });
  });
});
