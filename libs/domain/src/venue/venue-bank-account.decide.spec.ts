import { specification } from '../testing/given-when-then';
import { admin, payer, venueActor, venueMemberAdded, venueRegistered } from '../testing/fixtures';
import { decideSetVenueBankAccount } from './venue.decide';
import { evolveVenue, initialVenueState } from './venue.state';

const setting = specification(evolveVenue, initialVenueState, decideSetVenueBankAccount);
const account = { ibanLast4: '0189', sealedAccount: 'v1.k.iv.ct.tag' };
const command = (overrides = {}) => ({
  actor: venueActor('venue-a'),
  venueId: 'venue-a',
  account,
  now: '2026-02-01T00:00:00.000Z',
  ...overrides,
});
const set = {
  type: 'VenueBankAccountSet.v1',
  data: { venueId: 'venue-a', ...account, setAt: '2026-02-01T00:00:00.000Z' },
};

describe("a venue's bank account", () => {
  it('is set by the venue itself or by an admin, sealed', () => {
    setting.given([venueRegistered()]).when(command()).then([set]);
    setting
      .given([venueRegistered()])
      .when(command({ actor: admin }))
      .then([set]);
  });

  it('lands on the venue state, and a later one replaces it', () => {
    const state = [venueRegistered(), set, { ...set, data: { ...set.data, ibanLast4: '9999' } }].reduce(
      (current, event) => evolveVenue(current, event as never),
      initialVenueState,
    );
    expect(state).toMatchObject({ bankAccount: { ibanLast4: '9999', sealedAccount: account.sealedAccount } });
  });

  it('is changed only by a member once the venue lists members', () => {
    const listed = [venueRegistered(), venueMemberAdded({ subject: 'agent-alice' })];
    setting
      .given(listed)
      .when(command({ actor: { ...venueActor('venue-a'), subject: 'agent-mallory' } }))
      .thenFails('venue.not-a-member');
    setting
      .given(listed)
      .when(command({ actor: { ...venueActor('venue-a'), subject: 'agent-alice' } }))
      .then([set]);
  });

  it('answers another venue as unknown, refuses other roles and unknown venues', () => {
    setting
      .given([venueRegistered()])
      .when(command({ actor: venueActor('venue-b') }))
      .thenFails('venue.not-found');
    setting
      .given([venueRegistered()])
      .when(command({ actor: payer }))
      .thenFails('actor.forbidden');
    setting
      .given([])
      .when(command({ actor: admin }))
      .thenFails('venue.not-found');
  });

  it('refuses what does not look sealed', () => {
    setting
      .given([venueRegistered()])
      .when(command({ account: { ibanLast4: '01', sealedAccount: 'x' } }))
      .thenFails('bank-account.invalid');
    setting
      .given([venueRegistered()])
      .when(command({ account: { ibanLast4: '0189', sealedAccount: '' } }))
      .thenFails('bank-account.invalid');
  });
});
