import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claimMappingFrom, NEUTRAL_BRAND_COLOR, webConfigFrom } from './web-config';

describe('webConfigFrom', () => {
  it('has a neutral brand and a development sign-in by default', () => {
    const config = webConfigFrom({}, false, true);
    expect(config).toMatchObject({
      brandColor: NEUTRAL_BRAND_COLOR,
      brandLogoPath: undefined,
      oidc: undefined,
    });
    expect(config.devSignIn).toBe(true);
    expect(config.distDir.endsWith(join('dist', 'web'))).toBe(true);
  });

  it('offers no development sign-in in production, with a provider, or without a shared secret', () => {
    expect(webConfigFrom({}, true, true).devSignIn).toBe(false);
    expect(webConfigFrom({}, false, false).devSignIn).toBe(false);
    const env = {
      OIDC_ISSUER_URL: 'https://idp.example',
      OIDC_CLIENT_ID: 'pass',
      AUTH_JWKS_URL: 'https://idp.example/jwks',
    };
    const withProvider = webConfigFrom(env, false, true);
    expect(withProvider.devSignIn).toBe(false);
    expect(withProvider.oidc).toEqual({
      issuerUrl: 'https://idp.example',
      clientId: 'pass',
      scope: 'openid profile',
    });
  });

  it('refuses half an OIDC setup, or one whose tokens the API could not verify', () => {
    expect(() => webConfigFrom({ OIDC_ISSUER_URL: 'https://idp.example' }, false, true)).toThrow(/both/);
    expect(() =>
      webConfigFrom({ OIDC_ISSUER_URL: 'https://idp.example', OIDC_CLIENT_ID: 'p' }, false, true),
    ).toThrow(/AUTH_JWKS_URL/);
  });

  it('checks the brand colour and logo', () => {
    expect(() => webConfigFrom({ BRAND_COLOR: 'orange' }, false, true)).toThrow(/BRAND_COLOR/);
    expect(webConfigFrom({ BRAND_COLOR: '#E07A10' }, false, true).brandColor).toBe('#e07a10');
    const dir = mkdtempSync(join(tmpdir(), 'brand-'));
    expect(() => webConfigFrom({ BRAND_LOGO_PATH: join(dir, 'logo.gif') }, false, true)).toThrow(/\.svg/);
    expect(() => webConfigFrom({ BRAND_LOGO_PATH: join(dir, 'missing.png') }, false, true)).toThrow(
      /no file/,
    );
    writeFileSync(join(dir, 'logo.png'), 'png');
    expect(webConfigFrom({ BRAND_LOGO_PATH: join(dir, 'logo.png') }, false, true).brandLogoPath).toBe(
      join(dir, 'logo.png'),
    );
  });
});

describe('claimMappingFrom', () => {
  it('reads role and org by default, or the claims the deployment names', () => {
    expect(claimMappingFrom({})).toEqual({ roleClaim: 'role', orgClaim: 'org' });
    expect(claimMappingFrom({ OIDC_ROLE_CLAIM: 'realm_access.roles', OIDC_ORG_CLAIM: 'siren' })).toEqual({
      roleClaim: 'realm_access.roles',
      orgClaim: 'siren',
    });
  });
});
