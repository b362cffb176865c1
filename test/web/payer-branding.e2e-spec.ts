import { qrPngBuffer } from '@pass/vouchers';
import { inspectPdfPages } from '../../libs/vouchers/src/testing/pdf-inspection';
import { startTestApp, type TestApp } from '../support/test-app';
import { auth, OTHER_PAYER, PAYER, readyToRedeem, tokensFor } from '../support/scenario';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="4"/></svg>';

/** A payer's display name and logo: set by the payer, checked, shown, printed on its carnets. */
describe('payer branding', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
  });
  afterAll(() => t?.close());

  const put = (path: string, token: string) => t.http().put(path).set(auth(token));

  it('keeps a display name and an SVG logo, served to the payer only, under a CSP that runs nothing', async () => {
    const tokens = await tokensFor(t);
    await t.http().get(`/v1/payers/${PAYER}/branding`).set(auth(tokens.payer)).expect(200, {
      payerId: PAYER,
      displayName: null,
      logo: null,
    });
    await put(`/v1/payers/${PAYER}/branding`, tokens.payer)
      .send({ displayName: '  Ville   de Bordeaux ' })
      .expect(200);
    const set = await put(`/v1/payers/${PAYER}/logo`, tokens.payer)
      .set('Content-Type', 'image/svg+xml')
      .send(SVG);
    expect(set.status).toBe(200);
    expect(set.body).toEqual({
      payerId: PAYER,
      displayName: 'Ville de Bordeaux',
      logo: { mediaType: 'image/svg+xml', bytes: SVG.length, url: `/v1/payers/${PAYER}/logo` },
    });
    const logo = await t
      .http()
      .get(`/v1/payers/${PAYER}/logo`)
      .set(auth(tokens.payer))
      .buffer(true)
      .expect(200);
    expect(logo.headers['content-type']).toBe('image/svg+xml');
    expect(logo.headers['content-security-policy']).toContain("default-src 'none'");
    expect(Buffer.from(logo.body).toString()).toBe(SVG);

    await t.http().get(`/v1/payers/${PAYER}/branding`).set(auth(tokens.otherPayer)).expect(404);
    await put(`/v1/payers/${PAYER}/branding`, tokens.otherPayer).send({ displayName: 'Intrus' }).expect(404);
    const venue = await t.token('venue', 'ven_x');
    await t.http().get(`/v1/payers/${PAYER}/logo`).set(auth(venue)).expect(403);
    const events = (await t.allEvents()).filter((event) => event.streamId === `payer-branding-${PAYER}`);
    expect(events.map((event) => event.type)).toEqual(['PayerDisplayNameSet.v1', 'PayerLogoSet.v1']);
  });

  it('refuses a logo that is not a clean SVG or PNG of at most 100 kB', async () => {
    const token = await t.token('payer', OTHER_PAYER);
    const logo = (type: string, body: string | Buffer) =>
      put(`/v1/payers/${OTHER_PAYER}/logo`, token).set('Content-Type', type).send(body);
    expect(
      (await logo('image/svg+xml', SVG.replace('<circle', '<script>alert(1)</script><circle'))).body.code,
    ).toBe('request.invalid');
    expect((await logo('image/png', Buffer.from(SVG))).body.code).toBe('request.invalid');
    const big = Buffer.concat([await qrPngBuffer('x'), Buffer.alloc(101 * 1024)]);
    expect((await logo('image/png', big)).status).toBe(413);
    expect((await logo('image/gif', Buffer.from('GIF89a'))).status).toBe(415);
    await put(`/v1/payers/${OTHER_PAYER}/branding`, token).send({ displayName: ' ' }).expect(400);
    await put(`/v1/payers/${OTHER_PAYER}/branding`, token)
      .send({ displayName: 'x'.repeat(81) })
      .expect(400);
    expect(
      (await t.allEvents()).filter((event) => event.streamId === `payer-branding-${OTHER_PAYER}`),
    ).toEqual([]);
  });

  it('prints the display name and a PNG logo on the carnets', async () => {
    const { tokens, book } = await readyToRedeem(t, 2);
    const png = await qrPngBuffer('logo', { pixelsPerModule: 2 });
    await put(`/v1/payers/${PAYER}/branding`, tokens.payer)
      .send({ displayName: 'Ville de Bordeaux' })
      .expect(200);
    await put(`/v1/payers/${PAYER}/logo`, tokens.payer)
      .set('Content-Type', 'image/png')
      .send(png)
      .expect(200);
    const pdf = await t
      .http()
      .get(`/v1/books/${book.bookId}/print.pdf`)
      .set(auth(tokens.payer))
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const pages = inspectPdfPages(pdf.body as Buffer);
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      expect(page.lines).toContain('Offert par Ville de Bordeaux');
      expect(page.images).toHaveLength(2);
    }
    await t.http().delete(`/v1/payers/${PAYER}/logo`).set(auth(tokens.payer)).expect(200);
  });
});
