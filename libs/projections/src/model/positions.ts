import type { GlobalPosition } from '@pass/event-store';

/** Orders positions as readAll does: by transaction id, then global position (64-bit decimals). */
export function comparePositions(a: GlobalPosition, b: GlobalPosition): number {
  const byTransaction = BigInt(a.transactionId) - BigInt(b.transactionId);
  if (byTransaction !== 0n) return byTransaction < 0n ? -1 : 1;
  const byPosition = BigInt(a.globalPosition) - BigInt(b.globalPosition);
  return byPosition === 0n ? 0 : byPosition < 0n ? -1 : 1;
}

export function isAtOrPast(position: GlobalPosition, target: GlobalPosition): boolean {
  return comparePositions(position, target) >= 0;
}
