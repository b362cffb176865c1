import { onBothStores } from './support/both-stores';
import { startTestApp, type TestApp } from './support/test-app';
import { auth, certifiedVenue, openProgramme, readyToRedeem, redeem, tokensFor } from './support/scenario';

onBothStores('under real concurrent requests', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { REDEMPTION_RATE_LIMIT: '100000' });
  });
  afterAll(() => t.close());

  it('redeems a voucher once when 100 scans of it arrive together, from several venues (invariant 1)', async () => {
    const { tokens, book } = await readyToRedeem(t);
    const venues = await Promise.all([
      certifiedVenue(t, tokens),
      certifiedVenue(t, tokens),
      certifiedVenue(t, tokens),
    ]);
    const voucher = book.vouchers[0];
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) => redeem(t, venues[i % venues.length].token, { qr: voucher.qr })),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(99);
    responses
      .filter((response) => response.status === 409)
      .forEach((response) => expect(response.body.type).toBe('/problems/voucher.already-redeemed'));
    const redeemed = (await t.allEvents()).filter(
      (event) =>
        event.type === 'VoucherRedeemed.v1' &&
        (event.data as { voucherId: string }).voucherId === voucher.voucherId,
    );
    expect(redeemed).toHaveLength(1);
  });

  it('redeems every voucher of one book when they are scanned at once', async () => {
    const { venue, book } = await readyToRedeem(t, 20);
    const responses = await Promise.all(
      book.vouchers.map((voucher) => redeem(t, venue.token, { qr: voucher.qr })),
    );
    expect(responses.map((response) => response.status)).toEqual(book.vouchers.map(() => 201));
  });

  it('never commits more than the budget when 20 issuances race for room for 5 (invariant 2)', async () => {
    const tokens = await tokensFor(t);
    const programmeId = await openProgramme(t, tokens, { faceValueCents: 1000, budgetCents: 5 * 10 * 1000 });
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        t
          .http()
          .post(`/v1/programmes/${programmeId}/books`)
          .set(auth(tokens.payer))
          .send({ books: 1, vouchersPerBook: 10 }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(5);
    expect(statuses.filter((status) => status === 422)).toHaveLength(15);
    const programme = await t.http().get(`/v1/programmes/${programmeId}`).set(auth(tokens.payer)).expect(200);
    expect(programme.body.committedCents).toBe(50_000);
    expect(programme.body.books).toBe(5);
  });

  it('gives the same answer, and one effect, to concurrent retries with one Idempotency-Key (invariant 7)', async () => {
    const { venue, book } = await readyToRedeem(t);
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => redeem(t, venue.token, { qr: book.vouchers[0].qr }, 'same-key-twice')),
    );
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 201));
    expect(new Set(responses.map((response) => response.body.redemptionId)).size).toBe(1);
    const redeemed = (await t.allEvents()).filter(
      (event) =>
        event.type === 'VoucherRedeemed.v1' &&
        (event.data as { voucherId: string }).voucherId === book.vouchers[0].voucherId,
    );
    expect(redeemed).toHaveLength(1);
  });

  it('refuses a second registration of one SIRET made at the same time', async () => {
    const tokens = await tokensFor(t);
    const siret = '73282932000074';
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        t
          .http()
          .post('/v1/venues')
          .set(auth(tokens.admin))
          .send({ siret, name: 'Le Lieu', communeInsee: '33063' }),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409]);
    const winner = responses.find((response) => response.status === 201);
    responses
      .filter((response) => response.status === 409)
      .forEach((response) => expect(response.body.venueId).toBe(winner?.body.venueId));
  });
});
