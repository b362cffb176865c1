import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/test-app';
import { SigningKeyRing } from '@pass/vouchers';
import { auth, readyToRedeem, redeem } from '../support/scenario';

/** The API side of the web app: its files under /app/, its configuration, the development sign-in, its lists. */
describe('web app API', () => {
  let t: TestApp;
  let dist: string;

  beforeAll(async () => {
    // A stand-in build: these tests are about serving it, not about Vite.
    dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><html lang="fr"><title>app</title></html>');
    writeFileSync(join(dist, 'sw.js'), '// worker');
    t = await startTestApp('pglite', { WEB_DIST_DIR: dist });
  });
  afterAll(() => t?.close());

  it('serves the app under /app/ with its pages falling back to index.html, revalidated, behind a CSP', async () => {
    await t.http().get('/app').expect(301).expect('Location', '/app/');
    for (const page of [
      '/app/',
      '/app/scan',
      '/app/tableau-de-bord',
      '/app/connexion/retour?code=x&state=y',
    ]) {
      const response = await t.http().get(page).expect(200);
      expect(response.text).toContain('<html lang="fr">');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    }
    const worker = await t.http().get('/app/sw.js').expect(200);
    expect(worker.headers['cache-control']).toBe('no-cache');
    await t.http().get('/app/assets/missing-abc123.js').expect(404);
    // A path out of the app's folder is refused as the client's error, and sends nothing else.
    const outside = await t.http().get('/app/%2e%2e/package.json').expect(403);
    expect(outside.headers['content-type']).toContain('application/problem+json');
  });

  it('gives the app its configuration and a development sign-in whose tokens the API accepts', async () => {
    const config = await t.http().get('/v1/web/config').expect(200);
    expect(config.body).toEqual({
      brand: { name: 'Pass numérique', color: '#31589b', logoUrl: null },
      oidc: null,
      devSignIn: true,
    });
    await t.http().get('/v1/web/brand-logo').expect(404);
    const signed = await t.http().post('/v1/dev/token').send({ role: 'venue', org: 'ven_abc' }).expect(200);
    expect(signed.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 28800 });
    const me = await t.http().get('/v1/web/me').set(auth(signed.body.token)).expect(200);
    expect(me.body).toEqual({ role: 'venue', org: 'ven_abc', subject: 'venue-ven_abc' });
    await t.http().post('/v1/dev/token').send({ role: 'superuser', org: 'x' }).expect(400);
    await t.http().post('/v1/dev/token').send({ role: 'admin', org: 'a.b' }).expect(400);
  });

  it("lists a payer's programmes, books and venues, and a venue's redemptions", async () => {
    const { tokens, venue, book, programmeId } = await readyToRedeem(t, 2);
    await redeem(t, venue.token, { qr: book.vouchers[0].qr, servicePriceCents: 600 }).expect(201);

    const programmes = await t.http().get('/v1/web/programmes').set(auth(tokens.payer)).expect(200);
    expect(programmes.body.programmes).toEqual([
      expect.objectContaining({ programmeId, lead: true, redeemedCents: 600, budgetCents: 100_000 }),
    ]);
    const books = await t
      .http()
      .get(`/v1/web/programmes/${programmeId}/books`)
      .set(auth(tokens.payer))
      .expect(200);
    expect(books.body.books).toEqual([
      { bookId: book.bookId, vouchers: 2, distributed: 1, redeemed: 1, voided: 0 },
    ]);
    const venues = await t.http().get('/v1/web/venues').set(auth(tokens.payer)).expect(200);
    expect(venues.body.venues).toEqual([
      {
        venueId: venue.venueId,
        name: 'Médiathèque',
        communeInsee: '33063',
        redemptions: 1,
        amountCents: 600,
      },
    ]);
    const history = await t.http().get('/v1/web/redemptions').set(auth(venue.token)).expect(200);
    expect(history.body.redemptions).toEqual([
      expect.objectContaining({ voucherId: book.vouchers[0].voucherId, programmeId, amountCents: 600 }),
    ]);

    // Other payers' programmes do not exist for them; roles are checked.
    await t
      .http()
      .get(`/v1/web/programmes/${programmeId}/books`)
      .set(auth(tokens.otherPayer))
      .expect(200, { books: [] });
    expect((await t.http().get('/v1/web/programmes').set(auth(tokens.otherPayer)).expect(200)).body).toEqual({
      programmes: [],
    });
    await t.http().get('/v1/web/redemptions').set(auth(tokens.payer)).expect(403);
    await t.http().get('/v1/web/venues').set(auth(venue.token)).expect(403);
  });

  it("gives a venue's redemptions their session, location and service, a closed location still named", async () => {
    const { venue, book } = await readyToRedeem(t, 5);
    const venueApi = (method: 'post' | 'delete', path: string) =>
      t.http()[method](`/v1/venues/${venue.venueId}${path}`).set(auth(venue.token));
    // Before the venue has locations or services: a voucher alone, with none of them.
    await redeem(t, venue.token, { qr: book.vouchers[4].qr }).expect(201);

    const addLocation = async (name: string, communeInsee: string, postalCode: string) =>
      (
        await venueApi('post', '/locations')
          .send({ name, address: '1 place de la République', communeInsee, postalCode })
          .expect(201)
      ).body.locationId as string;
    const merignac = await addLocation('Espace numérique', '33281', '33700');
    const bordeaux = await addLocation('Médiathèque Meriadeck', '33063', '33000');
    const publish = async (title: string, category: string, priceInVouchers: number) =>
      (
        await venueApi('post', '/services')
          .send({
            title,
            category,
            format: 'individual',
            durationMinutes: 60,
            priceInVouchers,
            regulatedTariff: true,
          })
          .expect(201)
      ).body.serviceId as string;
    const caf = await publish('Démarches CAF en ligne', 'demarches-en-ligne', 3);
    const mail = await publish('Créer sa boîte mail', 'courriels', 1);

    const session = await redeem(t, venue.token, {
      vouchers: book.vouchers.slice(0, 3).map((voucher) => ({ qr: voucher.qr })),
      serviceId: caf,
      locationId: merignac,
    }).expect(201);
    await redeem(t, venue.token, { qr: book.vouchers[3].qr, serviceId: mail, locationId: bordeaux }).expect(
      201,
    );
    // Closed since: it takes no more sessions, but names the past ones.
    await venueApi('delete', `/locations/${merignac}`).expect(200);

    const history = await t.http().get('/v1/web/redemptions').set(auth(venue.token)).expect(200);
    const byVoucher = new Map<string, Record<string, unknown>>(
      history.body.redemptions.map((r: Record<string, unknown>) => [r.voucherId, r]),
    );
    expect(byVoucher.size).toBe(5);
    const sessionIds = new Set(book.vouchers.slice(0, 3).map((v) => byVoucher.get(v.voucherId)?.sessionId));
    expect(sessionIds.size).toBe(1);
    const [sessionId] = sessionIds;
    expect(sessionId).toBe(session.body.sessionId);
    expect(sessionId).toMatch(/^ses_/);
    for (const voucher of book.vouchers.slice(0, 3))
      expect(byVoucher.get(voucher.voucherId)).toEqual({
        redemptionId: expect.stringMatching(/^rdm_/),
        voucherId: voucher.voucherId,
        programmeId: expect.any(String),
        programmeName: expect.any(String),
        amountCents: 1000,
        scannedAt: expect.any(String),
        sessionId,
        locationId: merignac,
        locationName: 'Espace numérique',
        service: { serviceId: caf, title: 'Démarches CAF en ligne', category: 'demarches-en-ligne' },
      });
    expect(byVoucher.get(book.vouchers[3].voucherId)).toMatchObject({
      sessionId: null,
      locationId: bordeaux,
      locationName: 'Médiathèque Meriadeck',
      service: { serviceId: mail, title: 'Créer sa boîte mail', category: 'courriels' },
    });
    expect(byVoucher.get(book.vouchers[4].voucherId)).toMatchObject({
      amountCents: 1000,
      sessionId: null,
      locationId: null,
      locationName: null,
      service: null,
    });
  });
});

describe('web app API in production', () => {
  it('has no development sign-in', async () => {
    const t = await startTestApp('pglite', {
      NODE_ENV: 'production',
      QR_SIGNING_KEYS: JSON.stringify(SigningKeyRing.generate('k1').toJSON()),
      BANK_DETAILS_KEY: randomBytes(32).toString('base64'),
    });
    try {
      await t.http().post('/v1/dev/token').send({ role: 'admin', org: 'operator' }).expect(404);
      expect((await t.http().get('/v1/web/config').expect(200)).body.devSignIn).toBe(false);
    } finally {
      await t.close();
    }
  });
});
