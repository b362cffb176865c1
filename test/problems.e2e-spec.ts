import { SigningKeyRing } from '@pass/vouchers';
import { onBothStores } from './support/both-stores';
import { startTestApp, type TestApp } from './support/test-app';
import {
  auth,
  certifiedVenue,
  distribute,
  issueBooks,
  openProgramme,
  readyToRedeem,
  redeem,
  tokensFor,
  type Tokens,
} from './support/scenario';
import type { Response } from 'supertest';

function expectProblem(response: Response, status: number, code: string): void {
  expect({ status: response.status, body: response.body }).toMatchObject({
    status,
    body: { type: `/problems/${code}`, status, code },
  });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(typeof response.body.title).toBe('string');
}

onBothStores('refusals as RFC 9457 problems', (kind) => {
  let t: TestApp;
  let tokens: Tokens;
  beforeAll(async () => {
    t = await startTestApp(kind);
    tokens = await tokensFor(t);
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.set(undefined));

  /** Events written by requests: the payables reactor appends to `ledger-` streams in the background. */
  const requestEvents = async () =>
    (await t.allEvents()).filter((event) => !event.streamId.startsWith('ledger-')).length;

  /** Sends a bad request and checks it changed nothing in the event log. */
  async function refusedWithoutEffect(send: () => Promise<Response>, status: number, code: string) {
    const before = await requestEvents();
    const response = await send();
    expectProblem(response, status, code);
    expect(await requestEvents()).toBe(before);
    return response;
  }

  const programmeBody = {
    name: 'Programme',
    territory: { departements: ['33'] },
    faceValueCents: 1000,
    budgetCents: 10_000,
    validFrom: '2020-01-01T00:00:00Z',
    validUntil: '2099-01-01T00:00:00Z',
  };
  const postProgramme = (body: unknown) =>
    t
      .http()
      .post('/v1/programmes')
      .set(auth(tokens.payer))
      .set('Content-Type', 'application/json')
      .send(body as object);

  describe('bad input changes nothing', () => {
    it('refuses malformed JSON', () =>
      refusedWithoutEffect(() => postProgramme('{"name": "x",'), 400, 'request.malformed-json'));

    it('refuses an empty body, and a body that is not JSON', async () => {
      await refusedWithoutEffect(() => postProgramme(''), 400, 'request.invalid');
      await refusedWithoutEffect(
        () =>
          t
            .http()
            .post('/v1/programmes')
            .set(auth(tokens.payer))
            .set('Content-Type', 'application/xml')
            .send('<programme/>'),
        415,
        'request.unsupported-media-type',
      );
    });

    it('refuses unknown fields', () =>
      refusedWithoutEffect(() => postProgramme({ ...programmeBody, admin: true }), 400, 'request.invalid'));

    it('refuses a huge body', () =>
      refusedWithoutEffect(
        () => postProgramme({ ...programmeBody, name: 'x'.repeat(200_000) }),
        413,
        'request.too-large',
      ));

    it('refuses wrong types', async () => {
      const response = await refusedWithoutEffect(
        () => postProgramme({ ...programmeBody, faceValueCents: '1000' }),
        400,
        'request.invalid',
      );
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'faceValueCents' })]);
    });

    it.each([
      ['negative', -1000],
      ['fractional', 10.5],
      ['zero', 0],
    ])('refuses %s cents', (_name, cents) =>
      refusedWithoutEffect(
        () => postProgramme({ ...programmeBody, faceValueCents: cents }),
        400,
        'request.invalid',
      ),
    );

    it.each([
      ['a week date', '2026-W01-1'],
      ['an ordinal date', '2026-032'],
    ])('refuses %s, valid ISO-8601 but no calendar instant', (_name, validFrom) =>
      refusedWithoutEffect(() => postProgramme({ ...programmeBody, validFrom }), 400, 'request.invalid'),
    );

    it('refuses co-funder shares that do not add up', () =>
      refusedWithoutEffect(
        () => postProgramme({ ...programmeBody, coFunders: [{ payerId: '200054781', shareBps: 9000 }] }),
        400,
        'programme.invalid',
      ));

    it('refuses an unknown département or commune', async () => {
      await refusedWithoutEffect(
        () => postProgramme({ ...programmeBody, territory: { departements: ['99'] } }),
        400,
        'territory.unknown-departement',
      );
      await refusedWithoutEffect(
        () => postProgramme({ ...programmeBody, territory: { communes: ['33999'] } }),
        400,
        'territory.unknown-commune',
      );
    });

    it('refuses a venue with a SIRET failing its Luhn check, or an unknown commune', async () => {
      const post = (body: object) => t.http().post('/v1/venues').set(auth(tokens.admin)).send(body);
      await refusedWithoutEffect(
        () => post({ siret: '73282932000075', name: 'X', communeInsee: '33063' }),
        400,
        'request.invalid',
      );
      await refusedWithoutEffect(
        () => post({ siret: '73282932000074', name: 'X', communeInsee: '33999' }),
        400,
        'territory.unknown-commune',
      );
    });

    it('refuses negative or fractional service prices', async () => {
      const { venue, book } = await readyToRedeem(t);
      await refusedWithoutEffect(
        () => redeem(t, venue.token, { qr: book.vouchers[0].qr, servicePriceCents: -5 }),
        400,
        'request.invalid',
      );
      await refusedWithoutEffect(
        () => redeem(t, venue.token, { qr: book.vouchers[0].qr, servicePriceCents: 2.5 }),
        400,
        'request.invalid',
      );
    });
  });

  describe('authentication, roles and tenancy', () => {
    it('refuses a missing or forged token', async () => {
      expectProblem(await t.http().get('/v1/programmes/prg_x'), 401, 'auth.unauthenticated');
      expectProblem(
        await t
          .http()
          .get('/v1/programmes/prg_x')
          .set(auth(`${tokens.payer}x`)),
        401,
        'auth.unauthenticated',
      );
    });

    it('refuses a role that may not act', async () => {
      await refusedWithoutEffect(
        () =>
          t
            .http()
            .post('/v1/venues')
            .set(auth(tokens.payer))
            .send({ siret: '73282932000074', name: 'X', communeInsee: '33063' }),
        403,
        'actor.forbidden',
      );
    });

    it("answers 404 for another payer's programme, book and voucher", async () => {
      const programmeId = await openProgramme(t, tokens);
      const [book] = await issueBooks(t, tokens, programmeId, 1, 2);
      const other = auth(tokens.otherPayer);
      expectProblem(
        await t.http().get(`/v1/programmes/${programmeId}`).set(other),
        404,
        'programme.not-found',
      );
      expectProblem(
        await t.http().get(`/v1/books/${book.bookId}/print.pdf`).set(other),
        404,
        'book.not-found',
      );
      expectProblem(
        await t.http().get(`/v1/vouchers/${book.vouchers[0].voucherId}`).set(other),
        404,
        'voucher.not-found',
      );
      await refusedWithoutEffect(
        () =>
          t
            .http()
            .post(`/v1/programmes/${programmeId}/books`)
            .set(other)
            .send({ books: 1, vouchersPerBook: 1 }),
        404,
        'programme.not-found',
      );
      await refusedWithoutEffect(
        () => t.http().post(`/v1/books/${book.bookId}/cancellation`).set(other).send({ reason: 'lost' }),
        404,
        'book.not-found',
      );
    });

    it('hides a voucher from a venue that did not redeem it', async () => {
      const { book } = await readyToRedeem(t);
      const stranger = await certifiedVenue(t, tokens);
      expectProblem(
        await t.http().get(`/v1/vouchers/${book.vouchers[0].voucherId}`).set(auth(stranger.token)),
        404,
        'voucher.not-found',
      );
    });
  });

  describe('the 4xx answers of the contract', () => {
    it('404 for an unknown venue to certify', () =>
      refusedWithoutEffect(
        () =>
          t
            .http()
            .post('/v1/venues/ven_unknown/certification')
            .set(auth(tokens.admin))
            .send({ validUntil: '2099-01-01T00:00:00Z' }),
        404,
        'venue.not-found',
      ));

    it('422 when books would exceed the budget', async () => {
      const programmeId = await openProgramme(t, tokens, { budgetCents: 5000 });
      await refusedWithoutEffect(
        () =>
          t
            .http()
            .post(`/v1/programmes/${programmeId}/books`)
            .set(auth(tokens.payer))
            .send({ books: 1, vouchersPerBook: 6 }),
        422,
        'programme.budget-exceeded',
      );
    });

    it('409 for a second hand-over, 404 for cancelling an unknown book', async () => {
      const programmeId = await openProgramme(t, tokens);
      const [book] = await issueBooks(t, tokens, programmeId, 1, 1);
      await distribute(t, tokens, book.bookId);
      await refusedWithoutEffect(
        () =>
          t
            .http()
            .post(`/v1/books/${book.bookId}/distribution`)
            .set(auth(tokens.payer))
            .send({ distributorId: 'x' }),
        409,
        'book.already-distributed',
      );
      await refusedWithoutEffect(
        () =>
          t.http().post('/v1/books/bk_nope/cancellation').set(auth(tokens.payer)).send({ reason: 'lost' }),
        404,
        'book.not-found',
      );
    });

    it('400 for a forged QR, a malformed one and a mistyped code; 404 for an unknown voucher', async () => {
      const { venue, book } = await readyToRedeem(t);
      const [prefix, keyId, voucherId, signature] = book.vouchers[0].qr.split('.');
      const otherVoucher = `${prefix}.${keyId}.${voucherId.slice(0, -1)}2.${signature}`;
      await refusedWithoutEffect(
        () => redeem(t, venue.token, { qr: otherVoucher }),
        400,
        'voucher.forged-qr',
      );
      await refusedWithoutEffect(
        () => redeem(t, venue.token, { qr: 'https://example.org/not-a-voucher' }),
        400,
        'voucher.malformed-qr',
      );
      const code = book.vouchers[0].code;
      const wrongCheck = `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`;
      await refusedWithoutEffect(
        () => redeem(t, venue.token, { code: wrongCheck }),
        400,
        'voucher.bad-check-character',
      );
      await refusedWithoutEffect(
        () => redeem(t, venue.token, { code: '0000-0000-0000-0' }),
        404,
        'voucher.not-found',
      );
      const signedUnknown = t.app.get(SigningKeyRing).signVoucher('bk_doesnotexist-01');
      await refusedWithoutEffect(
        () => redeem(t, venue.token, { qr: signedUnknown }),
        404,
        'voucher.not-found',
      );
      await refusedWithoutEffect(
        () => redeem(t, venue.token, { qr: book.vouchers[0].qr, code }),
        400,
        'request.invalid',
      );
    });

    it('409 for a voucher redeemed already', async () => {
      const { venue, book } = await readyToRedeem(t);
      await redeem(t, venue.token, { qr: book.vouchers[0].qr }).expect(201);
      await refusedWithoutEffect(
        () => redeem(t, venue.token, { qr: book.vouchers[0].qr }),
        409,
        'voucher.already-redeemed',
      );
    });

    it('422 for a book not handed out, and for a cancelled one', async () => {
      const venue = await certifiedVenue(t, tokens);
      const programmeId = await openProgramme(t, tokens);
      const [book] = await issueBooks(t, tokens, programmeId, 1, 2);
      await refusedWithoutEffect(
        () => redeem(t, venue.token, { qr: book.vouchers[0].qr }),
        422,
        'book.not-distributed',
      );
      await t
        .http()
        .post(`/v1/books/${book.bookId}/cancellation`)
        .set(auth(tokens.payer))
        .send({ reason: 'error' })
        .expect(200);
      await refusedWithoutEffect(
        () => redeem(t, venue.token, { qr: book.vouchers[0].qr }),
        422,
        'book.cancelled',
      );
    });

    it('422 for an expired voucher, and for one not valid yet', async () => {
      const { venue, book } = await readyToRedeem(t);
      t.clock.set('2100-03-01T00:00:00.000Z');
      await refusedWithoutEffect(
        () => redeem(t, venue.token, { qr: book.vouchers[0].qr, scannedAt: '2100-02-15T00:00:00Z' }),
        422,
        'voucher.expired',
      );
      t.clock.set(undefined);
      const programmeId = await openProgramme(t, tokens, { validFrom: '2098-01-01T00:00:00Z' });
      const [later] = await issueBooks(t, tokens, programmeId, 1, 1);
      await distribute(t, tokens, later.bookId);
      await refusedWithoutEffect(
        () => redeem(t, venue.token, { qr: later.vouchers[0].qr }),
        422,
        'voucher.not-yet-valid',
      );
    });

    it('422 for a venue not certified, suspended, or outside the territory', async () => {
      const { book } = await readyToRedeem(t);
      const registered = await t
        .http()
        .post('/v1/venues')
        .set(auth(tokens.admin))
        .send({ siret: '55208131766522', name: 'Y', communeInsee: '33063' })
        .expect(201);
      const uncertified = await t.token('venue', registered.body.venueId);
      await refusedWithoutEffect(
        () => redeem(t, uncertified, { qr: book.vouchers[0].qr }),
        422,
        'venue.not-certified',
      );

      const suspended = await certifiedVenue(t, tokens);
      await t
        .http()
        .delete(`/v1/venues/${suspended.venueId}/certification`)
        .set(auth(tokens.admin))
        .send({ reason: 'audit' })
        .expect(200);
      await refusedWithoutEffect(
        () => redeem(t, suspended.token, { qr: book.vouchers[0].qr }),
        422,
        'venue.not-certified',
      );

      const lyon = await certifiedVenue(t, tokens, '69123');
      await refusedWithoutEffect(
        () => redeem(t, lyon.token, { qr: book.vouchers[0].qr }),
        422,
        'venue.out-of-territory',
      );
    });

    it('422 for a scan dated in the future', async () => {
      const { venue, book } = await readyToRedeem(t);
      await refusedWithoutEffect(
        () => redeem(t, venue.token, { qr: book.vouchers[0].qr, scannedAt: '2099-06-01T00:00:00Z' }),
        422,
        'redemption.scanned-in-future',
      );
    });
  });

  describe('idempotency', () => {
    it('replays the first answer to a retry with the same key, with one effect', async () => {
      const { venue, book } = await readyToRedeem(t);
      const first = await redeem(t, venue.token, { qr: book.vouchers[0].qr }, 'retry-me').expect(201);
      const before = await requestEvents();
      const retry = await redeem(t, venue.token, { qr: book.vouchers[0].qr }, 'retry-me').expect(201);
      expect(retry.body).toEqual(first.body);
      expect(await requestEvents()).toBe(before);
    });

    it('refuses a key reused for another request, and a redemption without a key', async () => {
      const { venue, book } = await readyToRedeem(t);
      await redeem(t, venue.token, { qr: book.vouchers[0].qr }, 'used-once').expect(201);
      await refusedWithoutEffect(
        () => redeem(t, venue.token, { qr: book.vouchers[1].qr }, 'used-once'),
        422,
        'idempotency.key-reused',
      );
      await refusedWithoutEffect(
        () => t.http().post('/v1/redemptions').set(auth(venue.token)).send({ qr: book.vouchers[1].qr }),
        400,
        'idempotency.key-required',
      );
    });

    it('issues books once for a retried issuance', async () => {
      const programmeId = await openProgramme(t, tokens);
      const issue = () =>
        t
          .http()
          .post(`/v1/programmes/${programmeId}/books`)
          .set(auth(tokens.payer))
          .set('Idempotency-Key', 'books-1')
          .send({ books: 2, vouchersPerBook: 3 });
      const first = await issue().expect(201);
      const retry = await issue().expect(201);
      expect(retry.body).toEqual(first.body);
      const programme = await t
        .http()
        .get(`/v1/programmes/${programmeId}`)
        .set(auth(tokens.payer))
        .expect(200);
      expect(programme.body).toMatchObject({ committedCents: 6000, books: 2 });
    });
  });
});

onBothStores('redemption rate limit', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { REDEMPTION_RATE_LIMIT: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 once a venue exceeds its attempts, without slowing other venues', async () => {
    const { tokens, venue } = await readyToRedeem(t);
    const guesses = await Promise.all(
      Array.from({ length: 5 }, (_, i) => redeem(t, venue.token, { code: `0000-0000-000${i}-0` })),
    );
    expect(guesses.filter((response) => response.status === 429)).toHaveLength(2);
    expectProblem(guesses.find((response) => response.status === 429) as Response, 429, 'rate-limited');
    const other = await certifiedVenue(t, tokens);
    expect((await redeem(t, other.token, { code: '0000-0000-0000-0' })).status).toBe(404);
  });
});
