import { specification } from '../testing/given-when-then';
import {
  allocatedTo,
  bookDistributed,
  bookIssued,
  otherPayer,
  payer,
  PAYER_ID,
  programmeOpened,
  voucherRedeemed,
} from '../testing/fixtures';
import { evolveProgramme, initialProgrammeState } from '../programme/programme.state';
import type { BookState } from './book.state';
import { evolveBook, initialBookState } from './book.state';
import { decideDistributeBook, type DistributeBook } from './distribute-book.decide';
import { decideCancelBook, type CancelBook } from './cancel-book.decide';

const NOW = '2026-03-01T00:00:00.000Z';
const openProgramme = evolveProgramme(initialProgrammeState, programmeOpened());
const distribution = specification(evolveBook, initialBookState, (command: DistributeBook, book: BookState) =>
  decideDistributeBook(command, book, openProgramme),
);
const cancellation = specification(evolveBook, initialBookState, decideCancelBook);
const distribute = (overrides: Partial<DistributeBook> = {}): DistributeBook => ({
  actor: payer,
  bookId: 'book-1',
  distributorId: 'ccas-bordeaux',
  beneficiaryRef: 'ref-9',
  now: NOW,
  ...overrides,
});
const cancel = (overrides: Partial<CancelBook> = {}): CancelBook => ({
  actor: payer,
  bookId: 'book-1',
  reason: 'lost',
  now: NOW,
  ...overrides,
});

describe('handing a book out', () => {
  it('records the hand-over by the payer', () => {
    distribution
      .given([bookIssued()])
      .when(distribute())
      .then([
        {
          type: 'BookDistributed.v1',
          data: {
            bookId: 'book-1',
            distributorId: 'ccas-bordeaux',
            beneficiaryRef: 'ref-9',
            distributedAt: NOW,
            recordedBy: PAYER_ID,
          },
        },
      ]);
  });

  it('records the hand-over by the distributor itself', () => {
    const actor = { role: 'distributor' as const, org: 'ccas-bordeaux', subject: 'x' };
    const result = distribution
      .given([bookIssued(), allocatedTo('ccas-bordeaux')])
      .when(distribute({ actor, beneficiaryRef: undefined })).result;
    expect(result).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ beneficiaryRef: null, recordedBy: 'ccas-bordeaux' }),
      }),
    ]);
  });

  it('refuses a second hand-over', () => {
    distribution
      .given([bookIssued(), bookDistributed()])
      .when(distribute())
      .thenFails('book.already-distributed');
  });

  it('refuses a cancelled book', () => {
    distribution
      .given([
        bookIssued(),
        {
          type: 'BookCancelled.v1',
          data: { bookId: 'book-1', reason: 'error', voidedVoucherIds: [], cancelledAt: NOW },
        },
      ])
      .when(distribute())
      .thenFails('book.cancelled');
  });

  it("hides another payer's book and a distributor acting for someone else", () => {
    distribution
      .given([bookIssued()])
      .when(distribute({ actor: otherPayer }))
      .thenFails('book.not-found');
    const stranger = { role: 'distributor' as const, org: 'someone-else', subject: 'x' };
    distribution
      .given([bookIssued()])
      .when(distribute({ actor: stranger }))
      .thenFails('book.not-found');
    distribution.given([]).when(distribute()).thenFails('book.not-found');
  });
});

describe('cancelling a book', () => {
  it('voids only the vouchers not redeemed yet', () => {
    cancellation
      .given([bookIssued(), bookDistributed(), voucherRedeemed()])
      .when(cancel({ reason: 'stolen' }))
      .then([
        {
          type: 'BookCancelled.v1',
          data: { bookId: 'book-1', reason: 'stolen', voidedVoucherIds: ['book-1-02'], cancelledAt: NOW },
        },
      ]);
  });

  it('refuses to cancel twice', () => {
    cancellation
      .given([
        bookIssued(),
        {
          type: 'BookCancelled.v1',
          data: { bookId: 'book-1', reason: 'lost', voidedVoucherIds: [], cancelledAt: NOW },
        },
      ])
      .when(cancel())
      .thenFails('book.already-cancelled');
  });

  it("hides another payer's book", () => {
    cancellation
      .given([bookIssued()])
      .when(cancel({ actor: otherPayer }))
      .thenFails('book.not-found');
  });
});
