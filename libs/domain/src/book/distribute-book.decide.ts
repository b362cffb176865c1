import type { Actor } from '../shared/actor';
import { domainError } from '../shared/errors';
import type { Decision } from '../shared/event';
import type { Instant } from '../shared/time';
import type { BookDistributed } from './book.events';
import type { BookState } from './book.state';

export interface DistributeBook {
  readonly actor: Actor;
  readonly bookId: string;
  readonly distributorId: string;
  readonly beneficiaryRef?: string;
  readonly now: Instant;
}

/** The hand-over of a book to a beneficiary, recorded by its payer or by the distributor itself. */
export function decideDistributeBook(command: DistributeBook, state: BookState): Decision<BookDistributed> {
  const { actor } = command;
  const mayAct =
    state.status !== 'none' &&
    ((actor.role === 'payer' && actor.org === state.payerId) ||
      (actor.role === 'distributor' && actor.org === command.distributorId));
  if (state.status === 'none' || !mayAct) return domainError('book.not-found', `no book ${command.bookId}`);
  if (state.status === 'cancelled') return domainError('book.cancelled', 'the book was cancelled');
  if (state.status === 'distributed')
    return domainError('book.already-distributed', 'the book was already handed out');
  return [
    {
      type: 'BookDistributed.v1',
      data: {
        bookId: state.bookId,
        distributorId: command.distributorId,
        beneficiaryRef: command.beneficiaryRef ?? null,
        distributedAt: command.now,
        recordedBy: actor.org,
      },
    },
  ];
}
