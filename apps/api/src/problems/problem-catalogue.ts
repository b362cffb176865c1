import type { DomainErrorCode } from '@pass/domain';

/** Refusals that happen at the edge, before any command reaches the domain. */
export type EdgeProblemCode =
  | 'request.invalid'
  | 'request.malformed-json'
  | 'request.too-large'
  | 'request.unsupported-media-type'
  | 'auth.unauthenticated'
  | 'route.not-found'
  | 'rate-limited'
  | 'idempotency.key-required'
  | 'voucher.malformed-qr'
  | 'voucher.forged-qr'
  | 'voucher.bad-check-character'
  | 'territory.unknown-commune'
  | 'territory.unknown-departement'
  | 'settlement.catching-up'
  | 'internal';

export type ProblemCode = DomainErrorCode | EdgeProblemCode;

interface ProblemKind {
  readonly status: number;
  readonly title: string;
}

/** The one table from refusal code to HTTP status and RFC 9457 title. */
export const PROBLEM_CATALOGUE: Record<ProblemCode, ProblemKind> = {
  'request.invalid': { status: 400, title: 'The request is invalid' },
  'request.malformed-json': { status: 400, title: 'The body is not valid JSON' },
  'request.too-large': { status: 413, title: 'The body is too large' },
  'request.unsupported-media-type': { status: 415, title: 'The body must be application/json' },
  'auth.unauthenticated': { status: 401, title: 'Authentication required' },
  'actor.forbidden': { status: 403, title: 'Your role may not do this' },
  'route.not-found': { status: 404, title: 'No such resource' },
  'rate-limited': { status: 429, title: 'Too many attempts, slow down' },
  'idempotency.key-required': { status: 400, title: 'An Idempotency-Key header is required' },
  'idempotency.key-reused': { status: 422, title: 'The Idempotency-Key was used for another request' },
  'concurrency.conflict': { status: 409, title: 'Concurrent changes, try again' },
  'voucher.malformed-qr': { status: 400, title: 'The QR payload is malformed' },
  'voucher.forged-qr': { status: 400, title: 'The QR signature is not valid' },
  'voucher.bad-check-character': { status: 400, title: 'The voucher code has a wrong check character' },
  'voucher.not-found': { status: 404, title: 'Unknown voucher' },
  'voucher.already-redeemed': { status: 409, title: 'The voucher was already redeemed' },
  'voucher.expired': { status: 422, title: 'The voucher has expired' },
  'voucher.not-yet-valid': { status: 422, title: 'The voucher is not valid yet' },
  'redemption.scanned-in-future': { status: 422, title: 'The scan is dated in the future' },
  'redemption.invalid-amount': { status: 400, title: 'The service price is invalid' },
  'programme.not-found': { status: 404, title: 'Unknown programme' },
  'programme.invalid': { status: 400, title: 'The programme is invalid' },
  'programme.budget-exceeded': { status: 422, title: "The books would exceed the programme's budget" },
  'programme.ended': { status: 422, title: 'The programme has ended' },
  'programme.distribution-stopped': {
    status: 422,
    title: 'The payer stopped the distribution of this programme',
  },
  'programme.grace-period-running': { status: 422, title: 'The grace period is still running' },
  'book.not-held': { status: 409, title: 'The book is not in your hands' },
  'book.beneficiary-ref-not-pseudonymous': {
    status: 400,
    title: 'The beneficiary reference looks like personal data',
  },
  'book.not-found': { status: 404, title: 'Unknown book' },
  'book.invalid-request': { status: 400, title: 'The books requested are invalid' },
  'book.already-distributed': { status: 409, title: 'The book was already handed out' },
  'book.already-cancelled': { status: 409, title: 'The book was already cancelled' },
  'book.cancelled': { status: 422, title: 'The book was cancelled' },
  'book.not-distributed': { status: 422, title: 'The book was not handed out yet' },
  'venue.not-found': { status: 404, title: 'Unknown venue' },
  'venue.not-certified': { status: 422, title: 'The venue is not certified' },
  'venue.out-of-territory': { status: 422, title: "The venue is outside the programme's territory" },
  'venue.invalid': { status: 400, title: 'The venue is invalid' },
  'venue.already-registered': { status: 409, title: 'The venue is already registered' },
  'venue.not-a-member': { status: 403, title: 'Your sign-in is not a member of this venue' },
  'venue.not-approved': { status: 422, title: "The programme's payer has not approved this venue" },
  'location.not-found': { status: 404, title: 'Unknown location of this venue' },
  'location.invalid': { status: 400, title: 'The location is invalid' },
  'location.required': { status: 422, title: 'The venue has several locations: name one' },
  'service.not-found': { status: 404, title: 'Unknown service of this venue' },
  'service.invalid': { status: 400, title: 'The service is invalid' },
  'service.category-not-covered': {
    status: 422,
    title: "The programme's vouchers do not pay for this category of service",
  },
  'member.not-found': { status: 404, title: 'Unknown member of this venue' },
  'member.already-added': { status: 409, title: 'This sign-in is already a member of the venue' },
  'redemption.voucher-count': {
    status: 422,
    title: "The number of vouchers does not match the service's price",
  },
  'redemption.mixed-beneficiaries': {
    status: 422,
    title: 'The vouchers belong to books of different beneficiaries',
  },
  'redemption.invalid': { status: 400, title: 'The session is invalid' },
  'payer.not-found': { status: 404, title: 'Unknown payer' },
  'bank-account.invalid': { status: 400, title: 'The bank account is invalid' },
  'bank-account.missing': { status: 422, title: 'Bank details are missing' },
  'settlement.not-found': { status: 404, title: 'Unknown settlement batch' },
  'settlement.invalid': { status: 400, title: 'The settlement request is invalid' },
  'settlement.already-paid': { status: 409, title: 'The settlement batch was already paid' },
  'settlement.catching-up': { status: 503, title: 'Payables are still being recorded, retry shortly' },
  'territory.unknown-commune': { status: 400, title: 'Unknown INSEE commune code' },
  'territory.unknown-departement': { status: 400, title: 'Unknown INSEE département code' },
  internal: { status: 500, title: 'Internal error' },
};

/** Stable problem type URIs, resolvable on this service (GET /problems/<code>). */
export function problemType(code: ProblemCode): string {
  return `/problems/${code}`;
}
