import type { Actor } from '../shared/actor';
import type { Decision } from '../shared/event';
import type { Instant } from '../shared/time';
import type { VenueState } from '../venue/venue.state';
import type { VoucherRedeemed } from './book.events';
import type { BookState } from './book.state';
import { decideRedeemSession } from './redeem-session.decide';

export { ALLOWED_CLOCK_SKEW_MS } from './redeem-session.decide';

export interface RedeemVoucher {
  readonly actor: Actor;
  readonly voucherId: string;
  readonly redemptionId: string;
  /** The price of the session: the voucher pays min(face value, price). */
  readonly servicePriceCents?: number;
  /** When the venue scanned: offline scanners send it later. */
  readonly scannedAt: Instant;
  readonly now: Instant;
}

/** A session paid with this one voucher (DESIGN §4 invariants 1 and 3). */
export function decideRedeemVoucher(
  command: RedeemVoucher,
  book: BookState,
  venue: VenueState,
): Decision<VoucherRedeemed> {
  const { voucherId, redemptionId, ...session } = command;
  const books = new Map(book.status === 'none' ? [] : [[book.bookId, book]]);
  return decideRedeemSession({ ...session, vouchers: [{ voucherId, redemptionId }] }, books, venue);
}
