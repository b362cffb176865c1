/**
 * Every reason the domain refuses a command, with a stable code. The HTTP edge maps each code to
 * an RFC 9457 problem type and a status in one table (apps/api/src/problems/problem-catalogue.ts).
 */
export const DOMAIN_ERROR_CODES = [
  'programme.not-found',
  'programme.invalid',
  'programme.budget-exceeded',
  'programme.ended',
  'book.not-found',
  'book.invalid-request',
  'book.already-distributed',
  'book.already-cancelled',
  'book.cancelled',
  'book.not-distributed',
  'voucher.not-found',
  'voucher.already-redeemed',
  'voucher.expired',
  'voucher.not-yet-valid',
  'redemption.scanned-in-future',
  'redemption.invalid-amount',
  'venue.not-found',
  'venue.not-certified',
  'venue.out-of-territory',
  'venue.invalid',
  'venue.already-registered',
  'payer.not-found',
  'bank-account.invalid',
  'bank-account.missing',
  'settlement.not-found',
  'settlement.invalid',
  'settlement.already-paid',
  'programme.distribution-stopped',
  'programme.grace-period-running',
  'book.not-held',
  'book.beneficiary-ref-not-pseudonymous',
  'actor.forbidden',
  'venue.not-a-member',
  'venue.not-approved',
  'location.not-found',
  'location.invalid',
  'location.required',
  'service.not-found',
  'service.invalid',
  'service.category-not-covered',
  'member.not-found',
  'member.already-added',
  'redemption.voucher-count',
  'redemption.mixed-beneficiaries',
  'redemption.invalid',
  'idempotency.key-reused',
  'concurrency.conflict',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export interface DomainError {
  readonly kind: 'domain-error';
  readonly code: DomainErrorCode;
  readonly message: string;
}

export function domainError(code: DomainErrorCode, message: string): DomainError {
  return { kind: 'domain-error', code, message };
}

export function isDomainError(value: unknown): value is DomainError {
  return typeof value === 'object' && value !== null && (value as DomainError).kind === 'domain-error';
}
