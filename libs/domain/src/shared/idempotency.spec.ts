import { isDomainError } from './errors';
import { decideIdempotentRequest, idempotencyScopeKey } from './idempotency';

describe('idempotent requests', () => {
  const answer = { requestFingerprint: 'abc', status: 201, body: { redemptionId: 'r1' } };

  it('executes a request whose key was never seen', () => {
    expect(decideIdempotentRequest(undefined, 'abc')).toEqual({ kind: 'execute' });
  });

  it('replays the stored answer for a retry of the same request', () => {
    expect(decideIdempotentRequest(answer, 'abc')).toEqual({ kind: 'replay', answer });
  });

  it('refuses the same key with a different request', () => {
    const outcome = decideIdempotentRequest(answer, 'other');
    expect(isDomainError(outcome) && outcome.code).toBe('idempotency.key-reused');
  });

  it('scopes keys by org and operation', () => {
    expect(idempotencyScopeKey('venue-a', 'redeem', 'k')).not.toEqual(
      idempotencyScopeKey('venue-b', 'redeem', 'k'),
    );
  });
});
