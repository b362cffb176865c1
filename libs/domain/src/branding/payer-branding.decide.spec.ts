import type { Actor } from '../shared/actor';
import { isDomainError } from '../shared/errors';
import {
  decideRemovePayerLogo,
  decideSetPayerDisplayName,
  decideSetPayerLogo,
} from './payer-branding.decide';
import type { PayerBrandingEvent } from './payer-branding.events';
import { evolvePayerBranding, initialPayerBrandingState } from './payer-branding.state';

const payer: Actor = { role: 'payer', org: '200054781', subject: 'agent' };
const now = '2026-03-01T10:00:00.000Z';
const logo = { mediaType: 'image/png' as const, contentBase64: 'iVBORw0KGgo=', bytes: 8 };

describe('payer branding', () => {
  it('records a normalised display name and a logo, and folds them', () => {
    const named = decideSetPayerDisplayName(
      { actor: payer, payerId: payer.org, displayName: '  Ville   de Bordeaux ', now },
      initialPayerBrandingState,
    );
    const logoSet = decideSetPayerLogo(
      { actor: payer, payerId: payer.org, ...logo, now },
      initialPayerBrandingState,
    );
    if (isDomainError(named) || isDomainError(logoSet)) throw new Error('refused');
    const state = [...named, ...logoSet].reduce(
      (current, event) => evolvePayerBranding(current, event as PayerBrandingEvent),
      initialPayerBrandingState,
    );
    expect(state).toEqual({ displayName: 'Ville de Bordeaux', logo });
  });

  it('records nothing when nothing changes', () => {
    const state = { displayName: 'Ville de Bordeaux', logo };
    expect(
      decideSetPayerDisplayName(
        { actor: payer, payerId: payer.org, displayName: 'Ville de Bordeaux', now },
        state,
      ),
    ).toEqual([]);
    expect(decideSetPayerLogo({ actor: payer, payerId: payer.org, ...logo, now }, state)).toEqual([]);
    expect(decideRemovePayerLogo({ actor: payer, payerId: payer.org, now }, { displayName: 'x' })).toEqual(
      [],
    );
  });

  it("answers another payer's SIREN as unknown and refuses venues", () => {
    const other = decideSetPayerDisplayName(
      { actor: payer, payerId: '213105554', displayName: 'X', now },
      {},
    );
    expect(other).toMatchObject({ code: 'payer.not-found' });
    const venue: Actor = { role: 'venue', org: 'ven_1', subject: 'v' };
    expect(decideSetPayerLogo({ actor: venue, payerId: payer.org, ...logo, now }, {})).toMatchObject({
      code: 'actor.forbidden',
    });
  });

  it('lets an admin remove a logo', () => {
    const admin: Actor = { role: 'admin', org: 'operator', subject: 'op' };
    expect(decideRemovePayerLogo({ actor: admin, payerId: payer.org, now }, { logo })).toEqual([
      { type: 'PayerLogoRemoved.v1', data: { payerId: payer.org, removedAt: now } },
    ]);
  });
});
