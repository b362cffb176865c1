import type { DomainEvent } from '../shared/event';
import type { Instant } from '../shared/time';

/**
 * How a payer (collectivité, by SIREN) presents itself on its dashboard and its printed carnets.
 * A stream of its own (`payer-branding-<siren>`), apart from the payer's bank details: a logo
 * changes for reasons, and at a pace, that have nothing to do with settlement.
 */
export type PayerDisplayNameSet = DomainEvent<
  'PayerDisplayNameSet.v1',
  { payerId: string; displayName: string; setAt: Instant }
>;

/** The logo itself travels in the event (at most 100 kB, checked at the edge): the log stays the only truth. */
export type PayerLogoSet = DomainEvent<
  'PayerLogoSet.v1',
  { payerId: string; mediaType: PayerLogoMediaType; contentBase64: string; bytes: number; setAt: Instant }
>;

export type PayerLogoRemoved = DomainEvent<'PayerLogoRemoved.v1', { payerId: string; removedAt: Instant }>;

export type PayerLogoMediaType = 'image/png' | 'image/svg+xml';

export type PayerBrandingEvent = PayerDisplayNameSet | PayerLogoSet | PayerLogoRemoved;

export function payerBrandingStream(payerId: string): string {
  return `payer-branding-${payerId}`;
}
