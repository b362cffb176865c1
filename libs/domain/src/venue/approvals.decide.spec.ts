import { isDomainError } from '../shared/errors';
import type { ProgrammeEvent } from '../programme/programme.events';
import { evolveProgramme, initialProgrammeState } from '../programme/programme.state';
import {
  admin,
  OTHER_PAYER_ID,
  otherPayer,
  payer,
  PAYER_ID,
  programmeOpened,
  venueActor,
  venueApproved,
  venueRegistered,
} from '../testing/fixtures';
import {
  decideApproveVenue,
  decideWithdrawVenueApproval,
  type ChangeVenueApproval,
} from './approvals.decide';
import type { VenueEvent } from './venue.events';
import { evolveVenue, initialVenueState } from './venue.state';

const NOW = '2026-02-01T00:00:00.000Z';
const command = (overrides: Partial<ChangeVenueApproval> = {}): ChangeVenueApproval => ({
  actor: payer,
  programmeId: 'prog-1',
  venueId: 'venue-a',
  now: NOW,
  ...overrides,
});
const restricted = programmeOpened({ approvedVenuesOnly: true });
const withdrawal = (overrides: Record<string, string> = {}): VenueEvent => ({
  type: 'VenueApprovalWithdrawn.v1',
  data: { venueId: 'venue-a', programmeId: 'prog-1', payerId: PAYER_ID, withdrawnAt: NOW, ...overrides },
});

function given(programmeEvents: ProgrammeEvent[], venueEvents: VenueEvent[]) {
  const programme = programmeEvents.reduce(evolveProgramme, initialProgrammeState);
  const venue = venueEvents.reduce(evolveVenue, initialVenueState);
  const outcome = (result: unknown) => ({
    then: (expected: unknown) => expect(result).toEqual(expected),
    thenFails: (code: string) => expect(isDomainError(result) ? result.code : result).toBe(code),
  });
  return {
    approve: (cmd: ChangeVenueApproval) => outcome(decideApproveVenue(cmd, programme, venue)),
    withdraw: (cmd: ChangeVenueApproval) => outcome(decideWithdrawVenueApproval(cmd, programme, venue)),
  };
}

describe("approving a venue for a payer's programme", () => {
  it("lets the programme's lead payer approve a venue", () => {
    given([restricted], [venueRegistered()])
      .approve(command())
      .then([venueApproved({ approvedAt: NOW })]);
  });

  it('records nothing when the venue is approved already', () => {
    given([restricted], [venueRegistered(), venueApproved()]).approve(command()).then([]);
  });

  it('approves again after a withdrawal, and for another programme regardless of the first', () => {
    given([restricted], [venueRegistered(), venueApproved(), withdrawal()])
      .approve(command())
      .then([venueApproved({ approvedAt: NOW })]);
    given([programmeOpened({ programmeId: 'prog-2' })], [venueRegistered(), venueApproved()])
      .approve(command({ programmeId: 'prog-2' }))
      .then([venueApproved({ programmeId: 'prog-2', approvedAt: NOW })]);
  });

  it('is for the lead payer only: a co-funder or another payer sees no such programme', () => {
    const coFunded = programmeOpened({
      approvedVenuesOnly: true,
      coFunders: [
        { payerId: PAYER_ID, shareBps: 5000 },
        { payerId: OTHER_PAYER_ID, shareBps: 5000 },
      ],
    });
    given([coFunded], [venueRegistered()])
      .approve(command({ actor: otherPayer }))
      .thenFails('programme.not-found');
    given([restricted], [venueRegistered()])
      .approve(command({ actor: otherPayer }))
      .thenFails('programme.not-found');
  });

  it('forbids venues, admins and distributors', () => {
    given([restricted], [venueRegistered()])
      .approve(command({ actor: venueActor() }))
      .thenFails('actor.forbidden');
    given([restricted], [venueRegistered()])
      .approve(command({ actor: admin }))
      .thenFails('actor.forbidden');
    given([restricted], [venueRegistered()])
      .approve(command({ actor: { role: 'distributor', org: PAYER_ID, subject: 'd' } }))
      .thenFails('actor.forbidden');
  });

  it('refuses an unknown programme and an unknown venue', () => {
    given([], [venueRegistered()]).approve(command()).thenFails('programme.not-found');
    given([restricted], []).approve(command()).thenFails('venue.not-found');
  });
});

describe('withdrawing an approval', () => {
  it('withdraws an approval the lead payer gave', () => {
    given([restricted], [venueRegistered(), venueApproved()]).withdraw(command()).then([withdrawal()]);
  });

  it('refuses a venue not approved, approved for another programme only, or withdrawn already', () => {
    given([restricted], [venueRegistered()]).withdraw(command()).thenFails('venue.not-approved');
    given([restricted], [venueRegistered(), venueApproved({ programmeId: 'prog-2' })])
      .withdraw(command())
      .thenFails('venue.not-approved');
    given([restricted], [venueRegistered(), venueApproved(), withdrawal()])
      .withdraw(command())
      .thenFails('venue.not-approved');
  });

  it('is for the lead payer only', () => {
    given([restricted], [venueRegistered(), venueApproved()])
      .withdraw(command({ actor: otherPayer }))
      .thenFails('programme.not-found');
    given([restricted], [venueRegistered(), venueApproved()])
      .withdraw(command({ actor: venueActor() }))
      .thenFails('actor.forbidden');
  });

  it('refuses an unknown programme and an unknown venue', () => {
    given([], [venueRegistered(), venueApproved()]).withdraw(command()).thenFails('programme.not-found');
    given([restricted], []).withdraw(command()).thenFails('venue.not-found');
  });
});
