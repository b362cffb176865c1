/** Money is an integer number of euro cents, never a float. */
export type Cents = number & { readonly __brand: 'Cents' };

export function isCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function cents(value: number): Cents {
  if (!isCents(value)) throw new RangeError(`not a non-negative integer number of cents: ${value}`);
  return value;
}

/** A share in basis points: 10,000 bps = 100 %. */
export const FULL_SHARE_BPS = 10_000;

export interface PayerShare {
  readonly payerId: string;
  readonly shareBps: number;
}

/**
 * Splits an amount between payers by largest remainder: each payer gets the floor of its exact
 * share, and the cents left over go one by one to the largest remainders (ties: smaller payerId).
 * The parts always add up to the amount and each is within one cent of its exact value.
 */
export function splitByShares(
  amount: Cents,
  shares: readonly PayerShare[],
): { payerId: string; amountCents: Cents }[] {
  const exact = shares.map((share) => {
    const numerator = amount * share.shareBps;
    return {
      payerId: share.payerId,
      floor: Math.floor(numerator / FULL_SHARE_BPS),
      remainder: numerator % FULL_SHARE_BPS,
    };
  });
  let leftover = amount - exact.reduce((sum, part) => sum + part.floor, 0);
  const byRemainder = [...exact].sort(
    (a, b) => b.remainder - a.remainder || a.payerId.localeCompare(b.payerId),
  );
  const bonus = new Set<string>();
  for (const part of byRemainder) {
    if (leftover <= 0) break;
    bonus.add(part.payerId);
    leftover -= 1;
  }
  return exact.map((part) => ({
    payerId: part.payerId,
    amountCents: cents(part.floor + (bonus.has(part.payerId) ? 1 : 0)),
  }));
}
