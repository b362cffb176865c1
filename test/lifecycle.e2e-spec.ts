import { onBothStores } from './support/both-stores';
import { startTestApp, type TestApp } from './support/test-app';
import {
  auth,
  certifiedVenue,
  distribute,
  issueBooks,
  openProgramme,
  redeem,
  tokensFor,
  type Tokens,
} from './support/scenario';

onBothStores('the voucher lifecycle', (kind) => {
  let t: TestApp;
  let tokens: Tokens;
  beforeAll(async () => {
    t = await startTestApp(kind);
    tokens = await tokensFor(t);
  });
  afterAll(() => t.close());

  it('issues, prints, hands out, redeems and reports a voucher', async () => {
    const venue = await certifiedVenue(t, tokens, '33063');
    const programmeId = await openProgramme(t, tokens, { budgetCents: 20_000 });
    const [book] = await issueBooks(t, tokens, programmeId, 1, 10);
    expect(book.vouchers).toHaveLength(10);
    expect(book.vouchers[0].code).toMatch(
      /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-.$/,
    );
    expect(book.vouchers[0].qr).toMatch(
      new RegExp(`^PN1\\.[^.]+\\.${book.vouchers[0].voucherId}\\.[A-Za-z0-9_-]+$`),
    );

    const pdf = await t
      .http()
      .get(`/v1/books/${book.bookId}/print.pdf`)
      .set(auth(tokens.payer))
      .buffer(true)
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    await distribute(t, tokens, book.bookId);
    const byQr = await redeem(t, venue.token, { qr: book.vouchers[0].qr }).expect(201);
    expect(byQr.body).toMatchObject({ voucherId: book.vouchers[0].voucherId, amountCents: 1000 });
    const byCode = await redeem(t, venue.token, {
      code: book.vouchers[1].code.toLowerCase(),
      servicePriceCents: 650,
    }).expect(201);
    expect(byCode.body).toMatchObject({ voucherId: book.vouchers[1].voucherId, amountCents: 650 });

    const programme = await t.http().get(`/v1/programmes/${programmeId}`).set(auth(tokens.payer)).expect(200);
    expect(programme.body).toMatchObject({
      budgetCents: 20_000,
      committedCents: 10_000,
      redeemedCents: 1650,
      reimbursedCents: 0,
    });

    const voucher = await t
      .http()
      .get(`/v1/vouchers/${book.vouchers[0].voucherId}`)
      .set(auth(venue.token))
      .expect(200);
    expect(voucher.body.status).toBe('redeemed');
    expect(voucher.body.history.map((entry: { event: string }) => entry.event)).toEqual([
      'issued',
      'distributed',
      'redeemed',
    ]);
    const unredeemed = await t
      .http()
      .get(`/v1/vouchers/${book.vouchers[2].voucherId}`)
      .set(auth(tokens.payer))
      .expect(200);
    expect(unredeemed.body.status).toBe('distributed');

    const types = (await t.allEvents()).map((event) => event.type);
    expect(types.filter((type) => type === 'VoucherRedeemed.v1')).toHaveLength(2);
  });

  it('voids the unredeemed vouchers of a cancelled book', async () => {
    const venue = await certifiedVenue(t, tokens);
    const programmeId = await openProgramme(t, tokens);
    const [book] = await issueBooks(t, tokens, programmeId, 1, 3);
    await distribute(t, tokens, book.bookId);
    await redeem(t, venue.token, { qr: book.vouchers[0].qr }).expect(201);
    const cancelled = await t
      .http()
      .post(`/v1/books/${book.bookId}/cancellation`)
      .set(auth(tokens.payer))
      .send({ reason: 'stolen' })
      .expect(200);
    expect(cancelled.body.voidedVoucherIds).toEqual([book.vouchers[1].voucherId, book.vouchers[2].voucherId]);
    const refused = await redeem(t, venue.token, { qr: book.vouchers[1].qr }).expect(422);
    expect(refused.body.type).toBe('/problems/book.cancelled');
    const voucher = await t
      .http()
      .get(`/v1/vouchers/${book.vouchers[1].voucherId}`)
      .set(auth(tokens.payer))
      .expect(200);
    expect(voucher.body.status).toBe('void');
  });

  it('lets a distributor hand out a book allocated to it, as itself only', async () => {
    const programmeId = await openProgramme(t, tokens);
    const [book] = await issueBooks(t, tokens, programmeId, 1, 2);
    const distributor = await t.token('distributor', 'france-services-libourne');
    await t
      .http()
      .post(`/v1/books/${book.bookId}/distribution`)
      .set(auth(distributor))
      .send({ distributorId: 'france-services-libourne' })
      .expect(404);
    await t
      .http()
      .post(`/v1/books/${book.bookId}/allocation`)
      .set(auth(tokens.payer))
      .send({ distributorId: 'france-services-libourne' })
      .expect(200);
    await t
      .http()
      .post(`/v1/books/${book.bookId}/distribution`)
      .set(auth(distributor))
      .send({ distributorId: 'someone-else' })
      .expect(409);
    await t
      .http()
      .post(`/v1/books/${book.bookId}/distribution`)
      .set(auth(distributor))
      .send({ distributorId: 'france-services-libourne' })
      .expect(200);
  });

  it('publishes the public keys that verify voucher QR codes', async () => {
    const keys = await t.http().get('/v1/keys').expect(200);
    expect(keys.body.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: keys.body.activeKeyId });
  });

  it('reports health, metrics and documentation without a token', async () => {
    const health = await t.http().get('/health').expect(200);
    expect(health.body.status).toBe('ok');
    await t.http().get('/no/such/page').expect(404);
    const metrics = await t.http().get('/metrics').expect(200);
    expect(metrics.text).toContain('pass_redemptions_total{outcome="accepted"}');
    expect(metrics.text).toContain('http_request_duration_seconds_bucket');
    // Requests are labelled by route pattern, not by path (ids would explode the label space).
    expect(metrics.text).toContain(
      'http_requests_total{method="POST",route="/v1/books/:id/distribution",status="409"} 1',
    );
    expect(metrics.text).toContain('http_requests_total{method="GET",route="unmatched",status="404"} 1');
    await t.http().get('/docs').expect(200);
  });
});
