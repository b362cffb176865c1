import { actorFromClaims } from './claims-mapping';

const defaults = { roleClaim: 'role', orgClaim: 'org' };

describe('actorFromClaims', () => {
  it('reads role and org from the default claims', () => {
    expect(actorFromClaims({ sub: 'u1', role: 'payer', org: '200054781' }, defaults)).toEqual({
      role: 'payer',
      org: '200054781',
      subject: 'u1',
    });
  });

  it('follows dotted paths and takes the first known role of a list', () => {
    const mapping = { roleClaim: 'realm_access.roles', orgClaim: 'siren' };
    const payload = {
      sub: 'u2',
      realm_access: { roles: ['offline_access', 'venue', 'payer'] },
      siren: 200054781,
    };
    expect(actorFromClaims(payload, mapping)).toEqual({ role: 'venue', org: '200054781', subject: 'u2' });
  });

  it('prefers a claim whose name itself contains a dot', () => {
    const mapping = { roleClaim: 'https://pass.example/role', orgClaim: 'org' };
    expect(
      actorFromClaims({ sub: 'u3', 'https://pass.example/role': 'admin', org: 'op' }, mapping)?.role,
    ).toBe('admin');
  });

  it('refuses unknown roles, missing orgs and missing subjects', () => {
    expect(actorFromClaims({ sub: 'u', role: 'superuser', org: 'x' }, defaults)).toBeUndefined();
    expect(actorFromClaims({ sub: 'u', role: 'payer', org: '' }, defaults)).toBeUndefined();
    expect(actorFromClaims({ sub: 'u', role: 'payer' }, defaults)).toBeUndefined();
    expect(actorFromClaims({ role: 'payer', org: 'x' }, defaults)).toBeUndefined();
    expect(actorFromClaims({ sub: 'u', role: 'payer', org: { nested: true } }, defaults)).toBeUndefined();
  });
});
