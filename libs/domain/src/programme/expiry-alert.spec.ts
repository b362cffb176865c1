import type { BookEvent } from '../book/book.events';
import { evolveBook, initialBookState, type IssuedBookState } from '../book/book.state';
import type { Cents } from '../shared/money';
import { specification } from '../testing/given-when-then';
import {
  allocatedTo,
  bookDistributed,
  bookIssued,
  programmeOpened,
  voucherRedeemed,
} from '../testing/fixtures';
import { decideAnnounceExpiring, expiryAlertFigures, type ExpiryAlertFigures } from './expiry-alert';
import type { ProgrammeEvent } from './programme.events';
import { evolveProgramme, initialProgrammeState } from './programme.state';

const book = (events: BookEvent[]) => events.reduce(evolveBook, initialBookState) as IssuedBookState;
const figures: ExpiryAlertFigures = {
  booksIssued: 3,
  booksAllocated: 1,
  booksNotAllocated: 1,
  booksHandedOut: 2,
  booksStarted: 1,
  vouchersUnredeemed: 5,
  unredeemedFaceValueCents: 5000 as Cents,
};
const announcing = specification(evolveProgramme, initialProgrammeState, decideAnnounceExpiring);
const command = (now: string) => ({ programmeId: 'prog-1', figures, alertDays: 30, now });

describe('the end-of-validity alert', () => {
  it('counts books allocated, not allocated, handed out, started, and the face value still unspent', () => {
    const books = [
      book([bookIssued()]),
      book([bookIssued(), allocatedTo('ccas-bordeaux'), bookDistributed()]),
      book([bookIssued(), bookDistributed(), voucherRedeemed()]),
    ];
    expect(expiryAlertFigures(books)).toEqual({ ...figures, booksIssued: 3 });
  });

  it('is announced once, from 30 days before validUntil', () => {
    announcing.given([programmeOpened()]).when(command('2026-11-30T00:00:00.000Z')).then([]);
    announcing
      .given([programmeOpened()])
      .when(command('2026-12-02T00:00:00.000Z'))
      .then([
        {
          type: 'ProgrammeExpiring.v1',
          data: {
            programmeId: 'prog-1',
            validUntil: '2026-12-31T23:59:59.000Z',
            redeemableUntil: '2027-01-31T23:59:59.000Z',
            figures,
            announcedAt: '2026-12-02T00:00:00.000Z',
          },
        },
      ]);
    const announced = { type: 'ProgrammeExpiring.v1', data: {} } as unknown as ProgrammeEvent;
    announcing.given([programmeOpened(), announced]).when(command('2026-12-03T00:00:00.000Z')).then([]);
  });
});
