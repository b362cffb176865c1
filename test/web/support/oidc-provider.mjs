/* global process, console */
// A real OpenID Connect provider (oidc-provider) for the sign-in test, in its own process since the
// package is an ES module. Accounts are named `<role>-<org>` at its login form (any password);
// access tokens are JWTs carrying `pass_role` and `siren`, mapped by OIDC_ROLE_CLAIM / OIDC_ORG_CLAIM.
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

const [port, redirectUri, postLogoutUri] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const API_RESOURCE = 'urn:pass-numerique:api';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = {
  ...privateKey.export({ format: 'jwk' }),
  kid: 'test-provider-key',
  use: 'sig',
  alg: 'RS256',
};

function claimsOf(accountId) {
  const [role, ...org] = accountId.split('-');
  return { sub: accountId, pass_role: role, siren: org.join('-'), name: accountId };
}

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'pass-web',
      token_endpoint_auth_method: 'none',
      redirect_uris: [redirectUri],
      post_logout_redirect_uris: [postLogoutUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: ['oidc-test-cookie-key-0123456789'] },
  pkce: { required: () => true },
  scopes: ['openid', 'profile', 'pass'],
  claims: { openid: ['sub'], profile: ['name'] },
  findAccount: (_ctx, id) => ({ accountId: id, claims: () => claimsOf(id) }),
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => API_RESOURCE,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: 'pass',
        audience: API_RESOURCE,
        accessTokenFormat: 'jwt',
        accessTokenTTL: 3600,
        jwt: { sign: { alg: 'RS256' } },
      }),
    },
  },
  extraTokenClaims: (_ctx, token) => {
    if (token.kind !== 'AccessToken') return undefined;
    const { pass_role, siren } = claimsOf(token.accountId);
    return { pass_role, siren };
  },
  clientBasedCORS: () => true,
  // First-party app: consent is implied, as at an organisation's own identity provider.
  loadExistingGrant: async (ctx) => {
    const grantId =
      ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid profile pass');
    grant.addResourceScope(API_RESOURCE, 'pass');
    await grant.save();
    return grant;
  },
});

provider.listen(Number(port), '127.0.0.1', () => console.log(`ready ${issuer}`));
