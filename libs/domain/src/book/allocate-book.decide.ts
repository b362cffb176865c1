import type { Actor } from '../shared/actor';
import { domainError, type DomainError } from '../shared/errors';
import type { Decision } from '../shared/event';
import type { Instant } from '../shared/time';
import type { ProgrammeState } from '../programme/programme.state';
import type { BookAllocated } from './book.events';
import type { BookState, IssuedBookState } from './book.state';

export interface AllocateBook {
  readonly actor: Actor;
  readonly bookId: string;
  readonly toDistributorId: string;
  readonly now: Instant;
}

/** Whether the actor holds the book: its payer until allocation, then the distributor it went to. */
export function isHolder(book: IssuedBookState, actor: Actor): boolean {
  if (actor.role === 'payer') return book.holder.kind === 'payer' && book.payerId === actor.org;
  return actor.role === 'distributor' && book.holder.kind === 'distributor' && book.holder.id === actor.org;
}

/** Who may see the book at all: its payer, and every distributor of its chain. */
export function maySeeBook(book: IssuedBookState, actor: Actor): boolean {
  if (actor.role === 'payer') return book.payerId === actor.org;
  return actor.role === 'distributor' && book.chain.includes(actor.org);
}

/** Allocation (payer → distributor) and passing on (distributor → distributor), by the holder only. */
export function decideAllocateBook(
  command: AllocateBook,
  book: BookState,
  programme: ProgrammeState,
): Decision<BookAllocated> {
  const { actor } = command;
  if (book.status === 'none' || !maySeeBook(book, actor))
    return domainError('book.not-found', `no book ${command.bookId}`);
  const refused = checkMovable(book, programme, actor);
  if (refused) return refused;
  if (command.toDistributorId === book.holder.id)
    return domainError('book.invalid-request', 'the book is already held by this distributor');
  return [
    {
      type: 'BookAllocated.v1',
      data: {
        bookId: book.bookId,
        programmeId: book.programmeId,
        fromId: book.holder.id,
        toDistributorId: command.toDistributorId,
        allocatedAt: command.now,
      },
    },
  ];
}

/** The checks shared by allocation and hand-over: the book is in the actor's hands and may still move. */
export function checkMovable(
  book: IssuedBookState,
  programme: ProgrammeState,
  actor: Actor,
): DomainError | undefined {
  if (book.status === 'cancelled') return domainError('book.cancelled', 'the book was cancelled');
  if (book.status === 'distributed')
    return domainError('book.already-distributed', 'the book was already handed out');
  if (!isHolder(book, actor))
    return domainError(
      'book.not-held',
      `the book is held by ${book.holder.kind === 'payer' ? 'its payer' : book.holder.id}`,
    );
  if (programme.status === 'open' && programme.distributionStopped)
    return domainError(
      'programme.distribution-stopped',
      'the payer stopped the distribution of this programme',
    );
  return undefined;
}
