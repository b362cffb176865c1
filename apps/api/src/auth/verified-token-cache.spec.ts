import type { Actor } from '@pass/domain';
import { VerifiedTokenCache } from './verified-token-cache';

const venue = { role: 'venue', org: 'ven_1', subject: 'agent' } as unknown as Actor;
const payer = { role: 'payer', org: '200054781', subject: 'finance' } as unknown as Actor;

describe('VerifiedTokenCache', () => {
  it('finds a verified token until its exp, and not from then on', () => {
    const cache = new VerifiedTokenCache();
    cache.set('t1', venue, 1_000_000, 1_030);
    expect(cache.get('t1', 1_029_999)).toBe(venue);
    expect(cache.get('t1', 1_030_000)).toBeUndefined();
    expect(cache.get('t2', 1_000_000)).toBeUndefined();
  });

  it('keeps a long-lived token at most a minute, then verifies it again', () => {
    const cache = new VerifiedTokenCache();
    cache.set('t1', venue, 0, undefined);
    expect(cache.get('t1', VerifiedTokenCache.MAX_AGE_MS - 1)).toBe(venue);
    expect(cache.get('t1', VerifiedTokenCache.MAX_AGE_MS)).toBeUndefined();
  });

  it('does not keep a token that expires as it is verified', () => {
    const cache = new VerifiedTokenCache();
    cache.set('t1', venue, 5_000, 5);
    expect(cache.get('t1', 5_000)).toBeUndefined();
  });

  it('forgets the oldest token past its capacity', () => {
    const cache = new VerifiedTokenCache(2);
    cache.set('t1', venue, 0, undefined);
    cache.set('t2', payer, 0, undefined);
    cache.set('t3', payer, 0, undefined);
    expect(cache.get('t1', 1)).toBeUndefined();
    expect(cache.get('t2', 1)).toBe(payer);
    expect(cache.get('t3', 1)).toBe(payer);
  });
});
