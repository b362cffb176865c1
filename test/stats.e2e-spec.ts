import { onBothStores } from './support/both-stores';
import {
  ADMIN,
  auth,
  certifiedVenue,
  distribute,
  issueBooks,
  OTHER_PAYER,
  openProgramme,
  PAYER,
  redeem,
  tokensFor,
  type Tokens,
} from './support/scenario';
import { startTestApp, type TestApp } from './support/test-app';

onBothStores('statistics from the read models', (kind) => {
  let t: TestApp;
  let tokens: Tokens;
  let programmeId: string;
  let coFunded: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    tokens = await tokensFor(t);
    const bordeaux = await certifiedVenue(t, tokens, '33063');
    const merignac = await certifiedVenue(t, tokens, '33281');
    programmeId = await openProgramme(t, tokens);
    const [book] = await issueBooks(t, tokens, programmeId, 1, 5);
    await distribute(t, tokens, book.bookId);
    await redeem(t, bordeaux.token, { qr: book.vouchers[0].qr }).expect(201);
    await redeem(t, bordeaux.token, { qr: book.vouchers[1].qr, servicePriceCents: 650 }).expect(201);
    await redeem(t, merignac.token, { qr: book.vouchers[2].qr }).expect(201);
    // Led by the other payer, co-funded by PAYER: both may read it.
    coFunded = (
      await t
        .http()
        .post('/v1/programmes')
        .set(auth(tokens.otherPayer))
        .send({
          name: 'Pass numérique Paris',
          territory: { communes: ['75056'] },
          faceValueCents: 2000,
          budgetCents: 100_000,
          validFrom: '2020-01-01T00:00:00Z',
          validUntil: '2099-12-31T23:59:59Z',
          coFunders: [
            { payerId: OTHER_PAYER, shareBps: 5000 },
            { payerId: PAYER, shareBps: 5000 },
          ],
        })
        .expect(201)
    ).body.programmeId;
    const otherTokens = { ...tokens, payer: tokens.otherPayer };
    await issueBooks(t, otherTokens, coFunded, 2, 3);
  }, 60_000);
  afterAll(() => t.close());

  const stats = (token: string, query: Record<string, string>, path = '/v1/stats/territories') =>
    t.http().get(path).query(query).set(auth(token));

  it('counts spend per département: the territory of a redemption is its venue’s', async () => {
    const response = await stats(tokens.payer, { programmeId, level: 'departement' }).expect(200);
    expect(response.body.territories).toEqual([
      {
        programmeId,
        code: '33',
        name: 'Gironde',
        issuedCents: 5000,
        distributedCents: 5000,
        redeemedCents: 2650,
        reimbursedCents: 0,
        redemptions: 3,
        vouchersIssued: 5,
        vouchersDistributed: 5,
        vouchersRedeemed: 3,
      },
    ]);
    expect(response.body.totals).toMatchObject({ redeemedCents: 2650, issuedCents: 5000 });
  });

  it('counts redemptions per commune, issuance of a département-wide programme as not located', async () => {
    const response = await stats(tokens.payer, { programmeId, level: 'commune' }).expect(200);
    const byCode = Object.fromEntries(
      response.body.territories.map((line: { code: string | null }) => [line.code ?? 'none', line]),
    );
    expect(byCode['33063']).toMatchObject({
      name: 'Bordeaux',
      departement: '33',
      redeemedCents: 1650,
      redemptions: 2,
    });
    expect(byCode['33281']).toMatchObject({ name: 'Mérignac', redeemedCents: 1000, redemptions: 1 });
    expect(byCode.none).toMatchObject({ name: null, issuedCents: 5000, redeemedCents: 0 });
  });

  it('shows a payer its own and co-funded programmes only; another payer’s programme is 404', async () => {
    const mine = await stats(tokens.payer, { level: 'departement' }).expect(200);
    expect(new Set(mine.body.territories.map((line: { programmeId: string }) => line.programmeId))).toEqual(
      new Set([programmeId, coFunded]),
    );
    const paris = await stats(tokens.payer, { programmeId: coFunded, level: 'commune' }).expect(200);
    expect(paris.body.territories).toEqual([
      expect.objectContaining({ code: '75056', name: 'Paris', issuedCents: 12_000, vouchersIssued: 6 }),
    ]);
    const refused = await stats(tokens.otherPayer, { programmeId }).expect(404);
    expect(refused.body.code).toBe('programme.not-found');
    const admin = await stats(await t.token('admin', ADMIN), { programmeId }).expect(200);
    expect(admin.body.totals.redemptions).toBe(3);
    await stats(await t.token('venue', 'ven_x'), {}).expect(403);
  });

  it('filters by day, and answers as of an instant by replaying the log', async () => {
    const none = await stats(tokens.payer, { programmeId, to: '2000-01-01' }).expect(200);
    expect(none.body.territories).toEqual([]);
    const before = await stats(tokens.payer, { programmeId, asOf: '2001-01-01T00:00:00Z' });
    expect(before.status).toBe(404);
    const now = await stats(tokens.payer, { programmeId, asOf: new Date().toISOString() }).expect(200);
    const live = await stats(tokens.payer, { programmeId }).expect(200);
    expect(now.body.territories).toEqual(live.body.territories);
    await stats(tokens.payer, { programmeId, level: 'canton' }).expect(400);
  });

  it('exports the same lines as CSV for French spreadsheets', async () => {
    const response = await stats(tokens.payer, { programmeId, level: 'commune' }, '/v1/stats/territories.csv')
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done(null, text));
      })
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    const text = response.body as string;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0].split(';').slice(0, 3)).toEqual(['programme', 'code_insee', 'territoire']);
    expect(lines).toContain(`${programmeId};33063;Bordeaux;33;0;0;1650;0;2;0;0;2`);
    expect(lines).toHaveLength(4);
  });

  it('serves the programme summary, and reports projection lag in /metrics and /health', async () => {
    const programme = await t.http().get(`/v1/programmes/${programmeId}`).set(auth(tokens.payer)).expect(200);
    expect(programme.body).toMatchObject({
      committedCents: 5000,
      remainingCents: 95_000,
      redeemedCents: 2650,
      vouchersDistributed: 5,
      vouchersRedeemed: 3,
      redemptionRate: 0.6,
    });
    const metrics = await t.http().get('/metrics').expect(200);
    expect(metrics.text).toMatch(/pass_projection_lag_events\{projection="territory-spend"\} \d+/);
    expect(metrics.text).toMatch(/pass_projection_lag_seconds\{projection="programme-summary"\} [\d.]+/);
    const health = await t.http().get('/health').expect(200);
    expect(health.body.details.projections).toMatchObject({
      status: 'up',
      'territory-spend': { eventsBehind: expect.any(Number), secondsBehind: expect.any(Number) },
    });
  });
});
