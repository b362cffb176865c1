import fc from 'fast-check';
import { FULL_SHARE_BPS, splitByShares, type Cents } from './money';

/** Random co-funder shares in bps that add up to 10,000. */
const sharesArbitrary = fc
  .array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 6 })
  .map((weights) => {
    const total = weights.reduce((a, b) => a + b, 0);
    const bps = weights.map((w) => Math.floor((w * FULL_SHARE_BPS) / total));
    bps[0] += FULL_SHARE_BPS - bps.reduce((a, b) => a + b, 0);
    return bps.map((shareBps, i) => ({ payerId: `payer-${i}`, shareBps })).filter((s) => s.shareBps > 0);
  });

describe('splitting an amount between co-funders', () => {
  it('gives parts that add up exactly, each within one cent of its exact share, deterministically', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), sharesArbitrary, (amount, shares) => {
        const parts = splitByShares(amount as Cents, shares);
        expect(parts.reduce((sum, p) => sum + p.amountCents, 0)).toBe(amount);
        parts.forEach((part, i) => {
          expect(Number.isInteger(part.amountCents)).toBe(true);
          expect(Math.abs(part.amountCents - (amount * shares[i].shareBps) / FULL_SHARE_BPS)).toBeLessThan(1);
        });
        expect(splitByShares(amount as Cents, shares)).toEqual(parts);
      }),
    );
  });

  it('breaks ties by payer id', () => {
    const parts = splitByShares(1 as Cents, [
      { payerId: 'b', shareBps: 5000 },
      { payerId: 'a', shareBps: 5000 },
    ]);
    expect(parts).toEqual([
      { payerId: 'b', amountCents: 0 },
      { payerId: 'a', amountCents: 1 },
    ]);
  });
});
