import type { ThrottlerStorage } from '@nestjs/throttler';

interface Window {
  expiresAt: number;
  hits: number;
  blockedUntil: number;
}

/** How often windows long past are dropped (venues that stopped scanning). */
const SWEEP_EVERY_MS = 60_000;

/**
 * @nestjs/throttler's storage, as one counter per venue and window. The library's own keeps every
 * hit's expiry in an array that each request filters, copies and spreads into Math.min: work and
 * garbage in proportion to the limit (600 per minute by default), on every redemption. Here a
 * request costs the same whatever the limit: a venue may make `limit` attempts per window of `ttl`;
 * one more blocks it for `blockDuration` (the guard's default: `ttl`).
 */
export class FixedWindowStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private nextSweepAt = 0;

  constructor(private readonly now: () => number = Date.now) {}

  increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    const now = this.now();
    this.sweep(now);
    const id = `${throttlerName}\n${key}`;
    let window = this.windows.get(id);
    if (!window || (window.expiresAt <= now && window.blockedUntil <= now)) {
      window = { expiresAt: now + ttl, hits: 0, blockedUntil: 0 };
      this.windows.set(id, window);
    }
    if (window.blockedUntil <= now) {
      window.hits++;
      if (window.hits > limit) window.blockedUntil = now + blockDuration;
    }
    const isBlocked = window.blockedUntil > now;
    return Promise.resolve({
      totalHits: window.hits,
      timeToExpire: secondsUntil(window.expiresAt, now),
      isBlocked,
      timeToBlockExpire: isBlocked ? secondsUntil(window.blockedUntil, now) : 0,
    });
  }

  private sweep(now: number): void {
    if (now < this.nextSweepAt) return;
    this.nextSweepAt = now + SWEEP_EVERY_MS;
    for (const [id, window] of this.windows)
      if (window.expiresAt <= now && window.blockedUntil <= now) this.windows.delete(id);
  }
}

function secondsUntil(instant: number, now: number): number {
  return Math.max(0, Math.ceil((instant - now) / 1000));
}
