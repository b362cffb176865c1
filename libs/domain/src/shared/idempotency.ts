import { domainError, type DomainError } from './errors';

/**
 * DESIGN §4.7: a command retried with the same Idempotency-Key has its effect once and gets the
 * same answer. The answer of the first success is stored with its events; a retry replays it.
 */
export interface StoredAnswer {
  readonly requestFingerprint: string;
  readonly status: number;
  readonly body: unknown;
}

export type IdempotencyOutcome =
  { readonly kind: 'execute' } | { readonly kind: 'replay'; readonly answer: StoredAnswer };

export function decideIdempotentRequest(
  stored: StoredAnswer | undefined,
  requestFingerprint: string,
): IdempotencyOutcome | DomainError {
  if (!stored) return { kind: 'execute' };
  if (stored.requestFingerprint !== requestFingerprint)
    return domainError('idempotency.key-reused', 'this Idempotency-Key was used for a different request');
  return { kind: 'replay', answer: stored };
}

/** Keys are scoped to the org that sent them: two venues may pick the same key. */
export function idempotencyScopeKey(org: string, operation: string, key: string): string {
  return `${org}:${operation}:${key}`;
}
