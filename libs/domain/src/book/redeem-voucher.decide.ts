import type { Actor } from '../shared/actor';
import { domainError, type DomainError } from '../shared/errors';
import type { Decision } from '../shared/event';
import { isCents, splitByShares, type Cents } from '../shared/money';
import { territoryCovers } from '../shared/territory';
import { isAfter, isBefore, toMillis, type Instant } from '../shared/time';
import { redemptionDeadline } from '../shared/validity';
import { isCertifiedAt, type VenueState } from '../venue/venue.state';
import type { VoucherRedeemed } from './book.events';
import { findVoucher, type BookState, type IssuedBookState } from './book.state';

/** A phone's clock may run a little ahead of the server's; more than this is refused. */
export const ALLOWED_CLOCK_SKEW_MS = 5 * 60 * 1000;

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

/** DESIGN §4 invariants 1 and 3: once only, and only when every condition holds at scannedAt. */
export function decideRedeemVoucher(
  command: RedeemVoucher,
  book: BookState,
  venue: VenueState,
): Decision<VoucherRedeemed> {
  const notFound = domainError('voucher.not-found', `no voucher ${command.voucherId}`);
  if (command.actor.role !== 'venue') return domainError('actor.forbidden', 'only a venue redeems vouchers');
  if (book.status === 'none') return notFound;
  const voucher = findVoucher(book, command.voucherId);
  if (!voucher) return notFound;
  if (voucher.redemption) return domainError('voucher.already-redeemed', 'this voucher was already redeemed');
  if (voucher.expired) return domainError('voucher.expired', 'the voucher expired after its grace period');
  const refused = checkBook(book, command) ?? checkVenue(book, venue, command);
  if (refused) return refused;
  if (
    command.servicePriceCents !== undefined &&
    (!isCents(command.servicePriceCents) || command.servicePriceCents === 0)
  )
    return domainError('redemption.invalid-amount', 'servicePriceCents must be a positive integer');
  const servicePrice = command.servicePriceCents as Cents | undefined;
  const amountCents = (
    servicePrice === undefined ? book.faceValueCents : Math.min(book.faceValueCents, servicePrice)
  ) as Cents;
  return [
    {
      type: 'VoucherRedeemed.v1',
      data: {
        bookId: book.bookId,
        programmeId: book.programmeId,
        voucherId: command.voucherId,
        redemptionId: command.redemptionId,
        venueId: command.actor.org,
        amountCents,
        servicePriceCents: servicePrice ?? null,
        shares: splitByShares(amountCents, book.coFunders),
        scannedAt: command.scannedAt,
        recordedAt: command.now,
      },
    },
  ];
}

function checkBook(book: IssuedBookState, command: RedeemVoucher): DomainError | undefined {
  if (book.status === 'cancelled')
    return domainError('book.cancelled', 'the book was cancelled: its vouchers are void');
  if (book.status !== 'distributed')
    return domainError('book.not-distributed', 'the book was never handed out to a beneficiary');
  if (toMillis(command.scannedAt) > toMillis(command.now) + ALLOWED_CLOCK_SKEW_MS)
    return domainError('redemption.scanned-in-future', 'scannedAt is in the future');
  if (isBefore(command.scannedAt, book.validFrom))
    return domainError('voucher.not-yet-valid', `the voucher is valid from ${book.validFrom}`);
  const deadline = redemptionDeadline(book.validUntil, book.gracePeriodDays);
  if (isAfter(command.scannedAt, deadline))
    return domainError(
      'voucher.expired',
      `the voucher was valid until ${book.validUntil}, with a grace period until ${deadline}`,
    );
  return undefined;
}

function checkVenue(
  book: IssuedBookState,
  venue: VenueState,
  command: RedeemVoucher,
): DomainError | undefined {
  if (venue.status === 'none' || !isCertifiedAt(venue, command.scannedAt))
    return domainError('venue.not-certified', 'the venue was not certified when it scanned');
  if (!territoryCovers(book.territory, venue))
    return domainError('venue.out-of-territory', "the venue lies outside the programme's territory");
  return undefined;
}
