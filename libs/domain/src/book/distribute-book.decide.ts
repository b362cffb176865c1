import type { Actor } from '../shared/actor';
import { domainError } from '../shared/errors';
import type { Decision } from '../shared/event';
import type { Instant } from '../shared/time';
import type { ProgrammeState } from '../programme/programme.state';
import { checkMovable, maySeeBook } from './allocate-book.decide';
import type { BookDistributed } from './book.events';
import type { BookState } from './book.state';
import { looksPersonal } from './pseudonymous-reference';

export interface DistributeBook {
  readonly actor: Actor;
  readonly bookId: string;
  /** The desk that hands the book out; a distributor holding the book can only name itself. */
  readonly distributorId: string;
  readonly beneficiaryRef?: string;
  readonly now: Instant;
}

/** The hand-over to a beneficiary, recorded by whoever holds the book: its payer or a distributor. */
export function decideDistributeBook(
  command: DistributeBook,
  book: BookState,
  programme: ProgrammeState,
): Decision<BookDistributed> {
  const { actor } = command;
  if (book.status === 'none' || !maySeeBook(book, actor))
    return domainError('book.not-found', `no book ${command.bookId}`);
  const refused = checkMovable(book, programme, actor);
  if (refused) return refused;
  if (actor.role === 'distributor' && command.distributorId !== actor.org)
    return domainError('book.not-held', 'a distributor records its own hand-overs only');
  if (command.beneficiaryRef !== undefined && looksPersonal(command.beneficiaryRef))
    return domainError(
      'book.beneficiary-ref-not-pseudonymous',
      'the beneficiary reference looks like personal data (e-mail, phone, NIR): use an opaque reference',
    );
  return [
    {
      type: 'BookDistributed.v1',
      data: {
        bookId: book.bookId,
        distributorId: command.distributorId,
        beneficiaryRef: command.beneficiaryRef ?? null,
        distributedAt: command.now,
        recordedBy: actor.org,
      },
    },
  ];
}
