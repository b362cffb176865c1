import type { Actor } from '../shared/actor';
import { domainError, type DomainError } from '../shared/errors';
import type { Decision } from '../shared/event';
import type { Instant } from '../shared/time';
import type {
  PayerDisplayNameSet,
  PayerLogoMediaType,
  PayerLogoRemoved,
  PayerLogoSet,
} from './payer-branding.events';
import type { PayerBrandingState } from './payer-branding.state';

/** The edge refuses names that are blank or longer than this once normalized. */
export const DISPLAY_NAME_MAX_LENGTH = 80;

export function normalizedDisplayName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/** The payer itself or an operator admin; another payer's SIREN is answered as unknown. */
function mayBrand(actor: Actor, payerId: string): DomainError | undefined {
  if (actor.role === 'payer' && actor.org !== payerId)
    return domainError('payer.not-found', `no payer ${payerId}`);
  if (actor.role !== 'payer' && actor.role !== 'admin')
    return domainError('actor.forbidden', 'only the payer or an admin sets its name and logo');
  return undefined;
}

export function decideSetPayerDisplayName(
  command: { actor: Actor; payerId: string; displayName: string; now: Instant },
  state: PayerBrandingState,
): Decision<PayerDisplayNameSet> {
  const refused = mayBrand(command.actor, command.payerId);
  if (refused) return refused;
  const displayName = normalizedDisplayName(command.displayName);
  if (displayName === state.displayName) return [];
  return [
    { type: 'PayerDisplayNameSet.v1', data: { payerId: command.payerId, displayName, setAt: command.now } },
  ];
}

/** The image is checked at the edge (type, size, no script in an SVG); here, who may set it. */
export function decideSetPayerLogo(
  command: {
    actor: Actor;
    payerId: string;
    mediaType: PayerLogoMediaType;
    contentBase64: string;
    bytes: number;
    now: Instant;
  },
  state: PayerBrandingState,
): Decision<PayerLogoSet> {
  const refused = mayBrand(command.actor, command.payerId);
  if (refused) return refused;
  const { payerId, mediaType, contentBase64, bytes, now } = command;
  if (state.logo?.contentBase64 === contentBase64 && state.logo.mediaType === mediaType) return [];
  return [{ type: 'PayerLogoSet.v1', data: { payerId, mediaType, contentBase64, bytes, setAt: now } }];
}

export function decideRemovePayerLogo(
  command: { actor: Actor; payerId: string; now: Instant },
  state: PayerBrandingState,
): Decision<PayerLogoRemoved> {
  const refused = mayBrand(command.actor, command.payerId);
  if (refused) return refused;
  if (!state.logo) return [];
  return [{ type: 'PayerLogoRemoved.v1', data: { payerId: command.payerId, removedAt: command.now } }];
}
