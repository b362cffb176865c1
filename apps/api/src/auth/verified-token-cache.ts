import type { Actor } from '@pass/domain';

/**
 * Bearer tokens already verified, so a venue's phone scanning all afternoon with one token does not
 * pay for its signature check on every scan (HS256 or the provider's RS256/EdDSA, a few % of a
 * redemption's CPU). Keyed by the whole token, signature included, so only the exact token that
 * verified is found. An entry lives until the token's `exp`, and at most MAX_AGE_MS: a key the
 * provider withdraws from its JWKS stops being honoured within that time. Failures are not kept.
 */
export class VerifiedTokenCache {
  static readonly MAX_AGE_MS = 60_000;
  private readonly entries = new Map<string, { actor: Actor; until: number }>();

  constructor(private readonly capacity = 10_000) {}

  get(token: string, nowMs: number): Actor | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (nowMs < entry.until) return entry.actor;
    this.entries.delete(token);
    return undefined;
  }

  /** `expiresAtSeconds`: the token's `exp` claim, if it has one. */
  set(token: string, actor: Actor, nowMs: number, expiresAtSeconds: number | undefined): void {
    const until = Math.min(nowMs + VerifiedTokenCache.MAX_AGE_MS, (expiresAtSeconds ?? Infinity) * 1000);
    if (until <= nowMs) return;
    // A Map iterates in insertion order: the first key is the oldest entry.
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { actor: Object.freeze(actor), until });
  }
}
