import type { Actor } from '../shared/actor';
import { domainError, isDomainError, type DomainError } from '../shared/errors';
import { isCents, splitByShares, type Cents } from '../shared/money';
import { territoryCovers, type Location } from '../shared/territory';
import { isAfter, isBefore, toMillis, type Instant } from '../shared/time';
import { redemptionDeadline } from '../shared/validity';
import type { VenueService } from '../venue/service.events';
import { actingMember } from '../venue/venue-access';
import { isCertifiedAt, type RegisteredVenueState, type VenueState } from '../venue/venue.state';
import type { VoucherRedeemed } from './book.events';
import { findVoucher, type BookState, type IssuedBookState } from './book.state';

/** A phone's clock may run a little ahead of the server's; more than this is refused. */
export const ALLOWED_CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface SessionVoucher {
  readonly voucherId: string;
  readonly redemptionId: string;
}

/** One session at a venue, paid with one or several vouchers: all are redeemed or none. */
export interface RedeemSession {
  readonly actor: Actor;
  readonly vouchers: readonly SessionVoucher[];
  /** Shared by the vouchers of a multi-voucher session. */
  readonly sessionId?: string;
  readonly serviceId?: string;
  /** Required when the venue has several open locations. */
  readonly locationId?: string;
  /** Single voucher without a service: the session's price, the voucher pays min(face value, price). */
  readonly servicePriceCents?: number;
  /** When the venue scanned: offline scanners send it later. */
  readonly scannedAt: Instant;
  readonly now: Instant;
}

/** Where the session happened and what it was: the parts shared by every voucher. */
interface Session {
  readonly venue: RegisteredVenueState;
  readonly place: Location;
  readonly locationId?: string;
  readonly agentId?: string;
  readonly service?: VenueService;
}

/**
 * DESIGN §4 invariants 1 and 3 for each voucher: once only, and only when every condition holds
 * at scannedAt; the session's own rules (members, location, service price) on top. `books` holds
 * the state of every book the vouchers belong to.
 */
export function decideRedeemSession(
  command: RedeemSession,
  books: ReadonlyMap<string, BookState>,
  venue: VenueState,
): readonly VoucherRedeemed[] | DomainError {
  if (command.actor.role !== 'venue') return domainError('actor.forbidden', 'only a venue redeems vouchers');
  const session = resolveSession(command, venue);
  if (isDomainError(session)) return session;
  const events: VoucherRedeemed[] = [];
  for (const { voucherId, redemptionId } of command.vouchers) {
    const book = bookOf(books, voucherId);
    const refused = checkVoucher(book, voucherId) ?? checkBook(book as IssuedBookState, command);
    if (refused) return refused;
    const issued = book as IssuedBookState;
    const refusedHere = checkVenue(issued, session, command);
    if (refusedHere) return refusedHere;
    events.push(redemption(issued, session, command, { voucherId, redemptionId }));
  }
  return checkOneBeneficiary(command, books) ?? events;
}

function resolveSession(command: RedeemSession, venue: VenueState): Session | DomainError {
  const count = command.vouchers.length;
  if (count === 0) return domainError('redemption.invalid', 'a session redeems at least one voucher');
  if (new Set(command.vouchers.map((v) => v.voucherId)).size !== count)
    return domainError('redemption.invalid', 'the same voucher appears twice');
  if (venue.status === 'none') return domainError('venue.not-certified', 'the venue is not registered');
  const member = actingMember(command.actor, venue);
  if (isDomainError(member)) return member;
  const place = resolvePlace(venue, command.locationId);
  if (isDomainError(place)) return place;
  const service = resolveService(venue, command);
  if (isDomainError(service)) return service;
  const price = command.servicePriceCents;
  if (price !== undefined && (!isCents(price) || price === 0))
    return domainError('redemption.invalid-amount', 'servicePriceCents must be a positive integer');
  return { venue, ...place, agentId: member.agentId, service };
}

function resolvePlace(
  venue: RegisteredVenueState,
  locationId: string | undefined,
): { place: Location; locationId?: string } | DomainError {
  if (locationId !== undefined) {
    const location = venue.locations.find((candidate) => candidate.locationId === locationId);
    if (!location) return domainError('location.not-found', `the venue has no open location ${locationId}`);
    return { place: location, locationId };
  }
  if (venue.locations.length > 1)
    return domainError('location.required', 'the venue has several locations: send locationId');
  const [only] = venue.locations;
  // A venue that declared no location receives at its registered address.
  return only ? { place: only, locationId: only.locationId } : { place: venue };
}

function resolveService(
  venue: RegisteredVenueState,
  command: RedeemSession,
): VenueService | undefined | DomainError {
  const count = command.vouchers.length;
  if (command.serviceId === undefined) {
    if (count > 1)
      return domainError('redemption.invalid', 'a session paid with several vouchers names its service');
    return undefined;
  }
  const service = venue.services.find((candidate) => candidate.serviceId === command.serviceId);
  if (!service)
    return domainError('service.not-found', `the venue publishes no service ${command.serviceId}`);
  if (count > service.priceInVouchers)
    return domainError('redemption.voucher-count', `the service costs ${service.priceInVouchers} voucher(s)`);
  if (service.regulatedTariff && count !== service.priceInVouchers)
    return domainError(
      'redemption.voucher-count',
      `regulated tariff: the service is paid with exactly ${service.priceInVouchers} voucher(s), nothing else`,
    );
  if (command.servicePriceCents !== undefined)
    return domainError(
      'redemption.invalid',
      'a service is priced in vouchers: send serviceId or servicePriceCents',
    );
  return service;
}

function bookOf(books: ReadonlyMap<string, BookState>, voucherId: string): BookState | undefined {
  for (const book of books.values()) if (book.status !== 'none' && findVoucher(book, voucherId)) return book;
  return undefined;
}

function checkVoucher(book: BookState | undefined, voucherId: string): DomainError | undefined {
  const voucher = book && book.status !== 'none' ? findVoucher(book, voucherId) : undefined;
  if (!voucher) return domainError('voucher.not-found', `no voucher ${voucherId}`);
  if (voucher.redemption)
    return domainError('voucher.already-redeemed', `voucher ${voucherId} was already redeemed`);
  if (voucher.expired) return domainError('voucher.expired', 'the voucher expired after its grace period');
  return undefined;
}

function checkBook(book: IssuedBookState, command: RedeemSession): DomainError | undefined {
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
  session: Session,
  command: RedeemSession,
): DomainError | undefined {
  // Judged per voucher, after the voucher's own refusals, which tell the beneficiary more.
  if (!isCertifiedAt(session.venue, command.scannedAt))
    return domainError('venue.not-certified', 'the venue was not certified when it scanned');
  if (!territoryCovers(book.territory, session.place))
    return domainError('venue.out-of-territory', "the venue lies outside the programme's territory");
  if (book.approvedVenuesOnly && !session.venue.approvedProgrammes.includes(book.programmeId))
    return domainError('venue.not-approved', "the programme's payer has not approved this venue");
  if (
    book.serviceCategories &&
    !(session.service && book.serviceCategories.includes(session.service.category))
  )
    return domainError(
      'service.category-not-covered',
      `the programme pays only for: ${book.serviceCategories.join(', ')}; name a service of one of them`,
    );
  return undefined;
}

/** Several books in one session must be the same person's, as far as the distributors' references tell. */
function checkOneBeneficiary(
  command: RedeemSession,
  books: ReadonlyMap<string, BookState>,
): DomainError | undefined {
  const references = new Set<string>();
  for (const { voucherId } of command.vouchers) {
    const book = bookOf(books, voucherId);
    if (book && book.status !== 'none' && book.beneficiaryRef) references.add(book.beneficiaryRef);
  }
  if (references.size > 1)
    return domainError(
      'redemption.mixed-beneficiaries',
      'the vouchers come from books of different beneficiaries',
    );
  return undefined;
}

function redemption(
  book: IssuedBookState,
  session: Session,
  command: RedeemSession,
  voucher: SessionVoucher,
): VoucherRedeemed {
  const servicePrice = command.servicePriceCents as Cents | undefined;
  // A service priced in vouchers takes each voucher whole; a plain price caps the one voucher.
  const amountCents = (
    servicePrice === undefined ? book.faceValueCents : Math.min(book.faceValueCents, servicePrice)
  ) as Cents;
  const { service } = session;
  return {
    type: 'VoucherRedeemed.v1',
    data: {
      bookId: book.bookId,
      programmeId: book.programmeId,
      voucherId: voucher.voucherId,
      redemptionId: voucher.redemptionId,
      venueId: command.actor.org,
      amountCents,
      servicePriceCents: servicePrice ?? null,
      shares: splitByShares(amountCents, book.coFunders),
      scannedAt: command.scannedAt,
      recordedAt: command.now,
      ...(command.sessionId ? { sessionId: command.sessionId } : {}),
      ...(session.locationId ? { locationId: session.locationId } : {}),
      ...(session.agentId ? { agentId: session.agentId } : {}),
      ...(service
        ? { service: { serviceId: service.serviceId, title: service.title, category: service.category } }
        : {}),
    },
  };
}
