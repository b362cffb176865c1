import { specification } from '../testing/given-when-then';
import { admin, payer, venueActor, venueMemberAdded, venueRegistered } from '../testing/fixtures';
import type { Actor } from '../shared/actor';
import {
  decideAddVenueMember,
  decideRemoveVenueMember,
  type AddVenueMember,
  type RemoveVenueMember,
} from './members.decide';
import type { VenueEvent } from './venue.events';
import { evolveVenue, initialVenueState } from './venue.state';

const NOW = '2026-01-20T00:00:00.000Z';
const adding = specification(evolveVenue, initialVenueState, decideAddVenueMember);
const removing = specification(evolveVenue, initialVenueState, decideRemoveVenueMember);
const signIn = (subject: string): Actor => ({ role: 'venue', org: 'venue-a', subject });

const add = (overrides: Partial<AddVenueMember> = {}): AddVenueMember => ({
  actor: venueActor(),
  venueId: 'venue-a',
  memberId: 'm-1',
  subject: 'scanner',
  label: 'Accueil',
  now: NOW,
  ...overrides,
});
const remove = (overrides: Partial<RemoveVenueMember> = {}): RemoveVenueMember => ({
  actor: venueActor(),
  venueId: 'venue-a',
  memberId: 'm-2',
  now: '2026-03-01T00:00:00.000Z',
  ...overrides,
});
const removed = (memberId: string): VenueEvent => ({
  type: 'VenueMemberRemoved.v1',
  data: { venueId: 'venue-a', memberId, removedAt: '2026-03-01T00:00:00.000Z' },
});
const alice = venueMemberAdded({ memberId: 'm-2', subject: 'alice', label: 'Alice' });

describe('adding a member', () => {
  it('adds the sign-in that asks as the first member, subject and label trimmed', () => {
    adding
      .given([venueRegistered()])
      .when(add({ subject: ' scanner ', label: ' Accueil ' }))
      .then([venueMemberAdded()]);
  });

  it('refuses a first member other than the sign-in that asks: the venue would lock itself out', () => {
    adding
      .given([venueRegistered()])
      .when(add({ memberId: 'm-2', subject: 'alice', label: 'Alice' }))
      .thenFails('venue.invalid');
  });

  it('lets an operator admin add anyone as the first member', () => {
    adding
      .given([venueRegistered()])
      .when(add({ actor: admin, memberId: 'm-2', subject: 'alice', label: 'Alice' }))
      .then([alice]);
  });

  it('lets a member add colleagues once the venue has members', () => {
    adding
      .given([venueRegistered(), venueMemberAdded()])
      .when(add({ memberId: 'm-2', subject: 'alice', label: 'Alice' }))
      .then([alice]);
  });

  it('refuses a sign-in that is not a member once the venue has members', () => {
    adding
      .given([venueRegistered(), alice])
      .when(add({ memberId: 'm-3', subject: 'scanner' }))
      .thenFails('venue.not-a-member');
  });

  it('refuses a sign-in that is a member already', () => {
    adding
      .given([venueRegistered(), venueMemberAdded()])
      .when(add({ memberId: 'm-9', subject: ' scanner ' }))
      .thenFails('member.already-added');
  });

  it('refuses an empty subject or label', () => {
    adding
      .given([venueRegistered()])
      .when(add({ subject: '  ' }))
      .thenFails('venue.invalid');
    adding
      .given([venueRegistered()])
      .when(add({ label: '' }))
      .thenFails('venue.invalid');
  });

  it('refuses another venue, a payer and an unknown venue', () => {
    adding
      .given([venueRegistered()])
      .when(add({ actor: venueActor('venue-b') }))
      .thenFails('venue.not-found');
    adding
      .given([venueRegistered()])
      .when(add({ actor: payer }))
      .thenFails('actor.forbidden');
    adding
      .given([])
      .when(add({ actor: admin }))
      .thenFails('venue.not-found');
  });

  it('adds back a sign-in that was removed', () => {
    adding
      .given([venueRegistered(), venueMemberAdded(), alice, removed('m-2')])
      .when(add({ memberId: 'm-3', subject: 'alice', label: 'Alice' }))
      .then([venueMemberAdded({ memberId: 'm-3', subject: 'alice', label: 'Alice' })]);
  });
});

describe('removing a member', () => {
  const removal = (memberId: string) => [
    {
      type: 'VenueMemberRemoved.v1',
      data: { venueId: 'venue-a', memberId, removedAt: '2026-03-01T00:00:00.000Z' },
    },
  ];

  it('lets a member remove a colleague, or themselves while others remain', () => {
    removing.given([venueRegistered(), venueMemberAdded(), alice]).when(remove()).then(removal('m-2'));
    removing
      .given([venueRegistered(), venueMemberAdded(), alice])
      .when(remove({ memberId: 'm-1' }))
      .then(removal('m-1'));
  });

  it('refuses the last member removing themselves: only an admin does that', () => {
    removing
      .given([venueRegistered(), venueMemberAdded()])
      .when(remove({ memberId: 'm-1' }))
      .thenFails('venue.invalid');
    removing
      .given([venueRegistered(), venueMemberAdded()])
      .when(remove({ actor: admin, memberId: 'm-1' }))
      .then(removal('m-1'));
  });

  it('refuses an unknown member, and one removed already', () => {
    removing
      .given([venueRegistered(), venueMemberAdded(), alice])
      .when(remove({ memberId: 'm-9' }))
      .thenFails('member.not-found');
    removing
      .given([venueRegistered(), venueMemberAdded(), alice, removed('m-2')])
      .when(remove())
      .thenFails('member.not-found');
  });

  it('refuses a removed member acting, a non-member, another venue and a payer', () => {
    removing
      .given([venueRegistered(), venueMemberAdded(), alice, removed('m-2')])
      .when(remove({ actor: signIn('alice'), memberId: 'm-1' }))
      .thenFails('venue.not-a-member');
    removing
      .given([venueRegistered(), venueMemberAdded(), alice])
      .when(remove({ actor: signIn('mallory') }))
      .thenFails('venue.not-a-member');
    removing
      .given([venueRegistered(), venueMemberAdded(), alice])
      .when(remove({ actor: venueActor('venue-b') }))
      .thenFails('venue.not-found');
    removing
      .given([venueRegistered(), venueMemberAdded(), alice])
      .when(remove({ actor: payer }))
      .thenFails('actor.forbidden');
  });
});
