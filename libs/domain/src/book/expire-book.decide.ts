import { domainError } from '../shared/errors';
import type { Decision } from '../shared/event';
import type { Cents } from '../shared/money';
import { isAfter, type Instant } from '../shared/time';
import { redemptionDeadline } from '../shared/validity';
import type { VouchersExpired } from './book.events';
import type { BookState } from './book.state';

export interface ExpireBook {
  readonly bookId: string;
  readonly now: Instant;
}

/**
 * After the grace period, every voucher neither redeemed nor voided expires. Running it again
 * finds nothing left: the expiry run is idempotent book by book.
 */
export function decideExpireBook(command: ExpireBook, book: BookState): Decision<VouchersExpired> {
  if (book.status === 'none') return domainError('book.not-found', `no book ${command.bookId}`);
  const deadline = redemptionDeadline(book.validUntil, book.gracePeriodDays);
  if (!isAfter(command.now, deadline))
    return domainError('programme.grace-period-running', `vouchers can be redeemed until ${deadline}`);
  const expiring = book.vouchers
    .filter((v) => !v.redemption && !v.voided && !v.expired)
    .map((v) => v.voucherId);
  if (expiring.length === 0) return [];
  return [
    {
      type: 'VouchersExpired.v1',
      data: {
        bookId: book.bookId,
        programmeId: book.programmeId,
        voucherIds: expiring,
        amountCents: (expiring.length * book.faceValueCents) as Cents,
        expiredAt: command.now,
      },
    },
  ];
}
