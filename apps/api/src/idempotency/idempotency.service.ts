import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  decideIdempotentRequest,
  idempotencyScopeKey,
  isDomainError,
  type Actor,
  type StoredAnswer,
} from '@pass/domain';
import { ReservationTakenError, type EventStore, type Reservation } from '@pass/event-store';
import { EVENT_STORE } from '../infrastructure/event-store.module';
import { ProblemException } from '../problems/problem.exception';

const SCOPE = 'idempotency';

/** One Idempotency-Key as received on a request, bound to the org and the operation. */
export interface IdempotentRequest {
  readonly key: string;
  readonly fingerprint: string;
}

/**
 * Answers are stored as a reservation appended in the same transaction as the command's events,
 * so "the effect happened" and "the answer is stored" can never disagree, even after a crash.
 */
@Injectable()
export class IdempotencyService {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  request(
    actor: Actor,
    operation: string,
    key: string | undefined,
    body: unknown,
  ): IdempotentRequest | undefined {
    if (key === undefined) return undefined;
    if (!/^[\x21-\x7e]{1,200}$/.test(key))
      throw new ProblemException(
        'request.invalid',
        'Idempotency-Key must be 1 to 200 visible ASCII characters',
      );
    return { key: idempotencyScopeKey(actor.org, operation, key), fingerprint: fingerprint(body) };
  }

  /** The stored answer of an earlier identical request, if any (a different request with the key is refused). */
  async previousAnswer(request: IdempotentRequest | undefined): Promise<StoredAnswer | undefined> {
    if (!request) return undefined;
    const stored = (await this.store.lookup(SCOPE, request.key)) as StoredAnswer | undefined;
    const outcome = decideIdempotentRequest(stored, request.fingerprint);
    if (isDomainError(outcome)) throw ProblemException.fromDomain(outcome);
    return outcome.kind === 'replay' ? outcome.answer : undefined;
  }

  reservation(request: IdempotentRequest | undefined, status: number, body: unknown): Reservation[] {
    if (!request) return [];
    const answer: StoredAnswer = { requestFingerprint: request.fingerprint, status, body };
    return [{ scope: SCOPE, key: request.key, value: answer }];
  }

  /**
   * Runs the command, optimistically: a retry of a request that already succeeded fails (the domain
   * sees the effect done, or the key's reservation is taken when the answer is stored) and then
   * answers what the first attempt answered. This spares every first attempt — nearly all of
   * them — a lookup before it starts; a twin running concurrently is caught the same way.
   */
  async execute<T>(request: IdempotentRequest | undefined, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (!request) throw error;
      if (error instanceof ReservationTakenError && error.scope !== SCOPE) throw error;
      const twin = await this.previousAnswer(request);
      if (twin) return twin.body as T;
      throw error;
    }
  }
}

function fingerprint(body: unknown): string {
  return createHash('sha256').update(stableJson(body)).digest('base64url');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
