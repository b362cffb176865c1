import { isDomainError } from '../shared/errors';
import type { Actor } from '../shared/actor';
import { evolveProgramme, initialProgrammeState } from '../programme/programme.state';
import type { ProgrammeEvent } from '../programme/programme.events';
import {
  allocatedTo,
  bookDistributed,
  bookIssued,
  otherPayer,
  payer,
  PAYER_ID,
  programmeOpened,
} from '../testing/fixtures';
import { decideAllocateBook, type AllocateBook } from './allocate-book.decide';
import type { BookEvent } from './book.events';
import { evolveBook, initialBookState } from './book.state';
import { decideDistributeBook, type DistributeBook } from './distribute-book.decide';

const NOW = '2026-03-01T00:00:00.000Z';
const distributor = (org: string): Actor => ({ role: 'distributor', org, subject: `agent-${org}` });
const stopped: ProgrammeEvent = {
  type: 'DistributionStopped.v1',
  data: { programmeId: 'prog-1', stoppedAt: NOW },
};

function given(bookEvents: BookEvent[], programmeEvents: ProgrammeEvent[] = [programmeOpened()]) {
  const book = bookEvents.reduce(evolveBook, initialBookState);
  const programme = programmeEvents.reduce(evolveProgramme, initialProgrammeState);
  const outcome = (result: unknown) => ({
    then: (expected: unknown) => expect(result).toEqual(expected),
    thenFails: (code: string) => expect(isDomainError(result) ? result.code : result).toBe(code),
  });
  return {
    whenAllocated: (command: Partial<AllocateBook>) =>
      outcome(
        decideAllocateBook(
          { actor: payer, bookId: 'book-1', toDistributorId: 'ccas-bordeaux', now: NOW, ...command },
          book,
          programme,
        ),
      ),
    whenHandedOut: (command: Partial<DistributeBook>) =>
      outcome(
        decideDistributeBook(
          { actor: payer, bookId: 'book-1', distributorId: 'ccas-bordeaux', now: NOW, ...command },
          book,
          programme,
        ),
      ),
  };
}

const allocation = (toDistributorId: string, fromId: string) => [
  {
    type: 'BookAllocated.v1',
    data: { bookId: 'book-1', programmeId: 'prog-1', fromId, toDistributorId, allocatedAt: NOW },
  },
];

describe('the distribution chain', () => {
  it('lets the payer allocate a book it holds to a distributor', () => {
    given([bookIssued()]).whenAllocated({}).then(allocation('ccas-bordeaux', PAYER_ID));
  });

  it('lets the holding distributor pass the book on within its network', () => {
    given([bookIssued(), allocatedTo('ccas-bordeaux')])
      .whenAllocated({ actor: distributor('ccas-bordeaux'), toDistributorId: 'mairie-begles' })
      .then(allocation('mairie-begles', 'ccas-bordeaux'));
  });

  it('refuses an allocation by someone who no longer holds the book', () => {
    const passedOn = [
      bookIssued(),
      allocatedTo('ccas-bordeaux'),
      allocatedTo('mairie-begles', 'ccas-bordeaux'),
    ];
    given(passedOn).whenAllocated({ toDistributorId: 'x' }).thenFails('book.not-held');
    given(passedOn)
      .whenAllocated({ actor: distributor('ccas-bordeaux'), toDistributorId: 'x' })
      .thenFails('book.not-held');
  });

  it('hides the book from distributors outside its chain and from other payers', () => {
    given([bookIssued(), allocatedTo('ccas-bordeaux')])
      .whenAllocated({ actor: distributor('stranger') })
      .thenFails('book.not-found');
    given([bookIssued()]).whenAllocated({ actor: otherPayer }).thenFails('book.not-found');
  });

  it('refuses to allocate a book handed out or cancelled', () => {
    given([bookIssued(), bookDistributed()]).whenAllocated({}).thenFails('book.already-distributed');
    const cancelled: BookEvent = {
      type: 'BookCancelled.v1',
      data: { bookId: 'book-1', reason: 'lost', voidedVoucherIds: [], cancelledAt: NOW },
    };
    given([bookIssued(), cancelled]).whenAllocated({}).thenFails('book.cancelled');
  });

  it('lets only the holder hand the book out', () => {
    const atCcas = [bookIssued(), allocatedTo('ccas-bordeaux')];
    given(atCcas)
      .whenHandedOut({ actor: distributor('ccas-bordeaux'), beneficiaryRef: 'dossier-1' })
      .then([
        {
          type: 'BookDistributed.v1',
          data: {
            bookId: 'book-1',
            distributorId: 'ccas-bordeaux',
            beneficiaryRef: 'dossier-1',
            distributedAt: NOW,
            recordedBy: 'ccas-bordeaux',
          },
        },
      ]);
    given(atCcas).whenHandedOut({}).thenFails('book.not-held');
    given(atCcas)
      .whenHandedOut({ actor: distributor('ccas-bordeaux'), distributorId: 'someone-else' })
      .thenFails('book.not-held');
  });

  it('refuses a beneficiary reference that looks like personal data', () => {
    given([bookIssued()])
      .whenHandedOut({ beneficiaryRef: 'jean.martin@example.fr' })
      .thenFails('book.beneficiary-ref-not-pseudonymous');
  });

  it('blocks allocation and hand-over once the payer stopped distribution', () => {
    given([bookIssued()], [programmeOpened(), stopped])
      .whenAllocated({})
      .thenFails('programme.distribution-stopped');
    given([bookIssued(), allocatedTo('ccas-bordeaux')], [programmeOpened(), stopped])
      .whenHandedOut({ actor: distributor('ccas-bordeaux') })
      .thenFails('programme.distribution-stopped');
  });
});
