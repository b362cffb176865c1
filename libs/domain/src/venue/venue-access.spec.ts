import { isDomainError } from '../shared/errors';
import type { Actor } from '../shared/actor';
import { admin, payer, venueActor, venueMemberAdded, venueRegistered } from '../testing/fixtures';
import type { VenueEvent } from './venue.events';
import { actingMember, venueAccess } from './venue-access';
import { evolveVenue, initialVenueState, type RegisteredVenueState } from './venue.state';

const stateOf = (events: VenueEvent[]) => events.reduce(evolveVenue, initialVenueState);
const registeredOf = (events: VenueEvent[]) => stateOf(events) as RegisteredVenueState;
const codeOf = (result: unknown) => (isDomainError(result) ? result.code : result);
const signIn = (subject: string, venueId = 'venue-a'): Actor => ({ role: 'venue', org: venueId, subject });
const removed = (memberId: string): VenueEvent => ({
  type: 'VenueMemberRemoved.v1',
  data: { venueId: 'venue-a', memberId, removedAt: '2026-02-01T00:00:00.000Z' },
});

describe('who acts for a venue', () => {
  const withoutMembers = [venueRegistered()];
  const withMembers = [
    venueRegistered(),
    venueMemberAdded(),
    venueMemberAdded({ memberId: 'm-2', subject: 'alice', label: 'Alice, médiatrice' }),
  ];

  it('lets any sign-in of the venue act while the venue lists no members, without an agent', () => {
    const state = stateOf(withoutMembers);
    expect(venueAccess(venueActor(), 'venue-a', state)).toEqual({ venue: state });
    expect(venueAccess(signIn('someone-else'), 'venue-a', state)).toEqual({ venue: state });
  });

  it('lets only the listed members act once the venue has members, naming the agent', () => {
    const state = stateOf(withMembers);
    expect(venueAccess(venueActor(), 'venue-a', state)).toEqual({ venue: state, agentId: 'm-1' });
    expect(venueAccess(signIn('alice'), 'venue-a', state)).toEqual({ venue: state, agentId: 'm-2' });
    expect(codeOf(venueAccess(signIn('someone-else'), 'venue-a', state))).toBe('venue.not-a-member');
  });

  it('cuts a removed member off at once, while the others keep acting', () => {
    const state = stateOf([...withMembers, removed('m-2')]);
    expect(codeOf(venueAccess(signIn('alice'), 'venue-a', state))).toBe('venue.not-a-member');
    expect(venueAccess(venueActor(), 'venue-a', state)).toEqual({ venue: state, agentId: 'm-1' });
  });

  it("answers another venue's id as unknown, never as forbidden", () => {
    expect(codeOf(venueAccess(venueActor('venue-b'), 'venue-a', stateOf(withoutMembers)))).toBe(
      'venue.not-found',
    );
    expect(codeOf(venueAccess(venueActor('venue-b'), 'venue-a', stateOf(withMembers)))).toBe(
      'venue.not-found',
    );
  });

  it('answers an unregistered venue as unknown, to the venue and to an admin', () => {
    expect(codeOf(venueAccess(venueActor(), 'venue-a', initialVenueState))).toBe('venue.not-found');
    expect(codeOf(venueAccess(admin, 'venue-a', initialVenueState))).toBe('venue.not-found');
  });

  it('forbids payers and distributors', () => {
    const state = stateOf(withoutMembers);
    const distributor: Actor = { role: 'distributor', org: 'ccas-bordeaux', subject: 'agent-9' };
    expect(codeOf(venueAccess(payer, 'venue-a', state))).toBe('actor.forbidden');
    expect(codeOf(venueAccess(distributor, 'venue-a', state))).toBe('actor.forbidden');
    // Even when the payer's org happens to carry the venue's id.
    expect(codeOf(venueAccess({ ...payer, org: 'venue-a' }, 'venue-a', state))).toBe('actor.forbidden');
  });

  it('lets an operator admin act for any registered venue, members or not, without an agent', () => {
    const plain = stateOf(withoutMembers);
    const staffed = stateOf(withMembers);
    expect(venueAccess(admin, 'venue-a', plain)).toEqual({ venue: plain });
    expect(venueAccess(admin, 'venue-a', staffed)).toEqual({ venue: staffed });
  });
});

describe('the member behind a sign-in', () => {
  it('is nobody in particular for a venue without members', () => {
    const venue = registeredOf([venueRegistered()]);
    expect(actingMember(signIn('anyone'), venue)).toEqual({ venue });
  });

  it('is the member whose subject matches the sign-in', () => {
    const venue = registeredOf([venueRegistered(), venueMemberAdded({ memberId: 'm-7', subject: 'bob' })]);
    expect(actingMember(signIn('bob'), venue)).toEqual({ venue, agentId: 'm-7' });
    expect(codeOf(actingMember(signIn('scanner'), venue))).toBe('venue.not-a-member');
  });

  it('accepts any sign-in again once an admin removed the last member', () => {
    const venue = registeredOf([venueRegistered(), venueMemberAdded(), removed('m-1')]);
    expect(actingMember(signIn('anyone'), venue)).toEqual({ venue });
  });
});
