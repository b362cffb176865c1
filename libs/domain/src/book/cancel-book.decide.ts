import type { Actor } from '../shared/actor';
import { domainError } from '../shared/errors';
import type { Decision } from '../shared/event';
import type { Instant } from '../shared/time';
import type { BookCancelled, CancellationReason } from './book.events';
import type { BookState } from './book.state';

export interface CancelBook {
  readonly actor: Actor;
  readonly bookId: string;
  readonly reason: CancellationReason;
  readonly now: Instant;
}

/** Cancelling voids the unredeemed vouchers; redeemed ones stay redeemed (and payable). */
export function decideCancelBook(command: CancelBook, state: BookState): Decision<BookCancelled> {
  if (state.status === 'none' || command.actor.role !== 'payer' || command.actor.org !== state.payerId)
    return domainError('book.not-found', `no book ${command.bookId}`);
  if (state.status === 'cancelled')
    return domainError('book.already-cancelled', 'the book is already cancelled');
  return [
    {
      type: 'BookCancelled.v1',
      data: {
        bookId: state.bookId,
        reason: command.reason,
        voidedVoucherIds: state.vouchers.filter((v) => !v.redemption).map((v) => v.voucherId),
        cancelledAt: command.now,
      },
    },
  ];
}
