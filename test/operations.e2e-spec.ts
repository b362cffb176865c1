import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { startTestApp, type TestApp } from './support/test-app';

describe('operations', () => {
  it('answers 503 on /health when the event store is unreachable', async () => {
    const t = await startTestApp('pglite');
    try {
      await t.http().get('/health').expect(200);
      await t.store.close();
      const down = await t.http().get('/health').expect(503);
      expect(down.body).toMatchObject({ status: 'error', error: { eventStore: { status: 'down' } } });
    } finally {
      await t.app.close().catch(() => undefined);
    }
  });
});

describe('sign-in through an OpenID Connect issuer (AUTH_JWKS_URL)', () => {
  let jwks: Server;
  let t: TestApp;
  let privateKey: KeyLike;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey as KeyLike;
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'issuer-key-1', alg: 'ES256', use: 'sig' };
    jwks = createServer((_request, response) => {
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ keys: [publicJwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as AddressInfo;
    t = await startTestApp('pglite', {
      AUTH_JWT_SECRET: '',
      AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`,
    });
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => jwks.close(resolve));
  });

  const issuerToken = (key: KeyLike, claims: Record<string, unknown>) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'issuer-key-1' })
      .setSubject('agent-42')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);

  it("accepts the issuer's tokens and refuses tokens it did not sign", async () => {
    const payer = await issuerToken(privateKey, { role: 'payer', org: '200054781' });
    const accepted = await t.http().get('/v1/programmes/prg_unknown').set('Authorization', `Bearer ${payer}`);
    expect(accepted.status).toBe(404);
    const stranger = (await generateKeyPair('ES256')).privateKey as KeyLike;
    const forged = await issuerToken(stranger, { role: 'payer', org: '200054781' });
    const refused = await t.http().get('/v1/programmes/prg_unknown').set('Authorization', `Bearer ${forged}`);
    expect(refused.status).toBe(401);
  });

  it('refuses a token without a known role', async () => {
    const token = await issuerToken(privateKey, { role: 'superuser', org: 'x' });
    expect(
      (await t.http().get('/v1/programmes/prg_unknown').set('Authorization', `Bearer ${token}`)).status,
    ).toBe(401);
  });
});
