import type { StoredEvent } from '@pass/event-store';
import { ExpiryScheduler } from '../apps/api/src/programmes/end-of-programme/expiry.scheduler';
import { onBothStores } from './support/both-stores';
import { startTestApp, type TestApp } from './support/test-app';
import {
  auth,
  certifiedVenue,
  issueBooks,
  openProgramme,
  redeem,
  tokensFor,
  type Tokens,
} from './support/scenario';

const YEAR_START = '2026-01-10T09:00:00.000Z';
const VALID_UNTIL = '2026-12-31T23:59:59Z';
const IN_GRACE = '2027-01-15T10:00:00.000Z';
const BEFORE_GRACE_END = '2027-01-20T10:00:00.000Z';
const AFTER_GRACE = '2027-02-02T10:00:00.000Z';

/** What the reconciliation must equal, recounted from the raw events of the log. */
function recount(events: StoredEvent[], programmeId: string, faceValueCents: number) {
  const books = new Set(
    events
      .filter(
        (event) =>
          event.type === 'BookIssued.v1' &&
          (event.data as { programmeId: string }).programmeId === programmeId,
      )
      .map((event) => (event.data as { bookId: string }).bookId),
  );
  const ofProgramme = (type: string) =>
    events.filter((event) => event.type === type && books.has((event.data as { bookId: string }).bookId));
  const issued = ofProgramme('BookIssued.v1').reduce(
    (sum, event) => sum + (event.data as { vouchers: unknown[] }).vouchers.length,
    0,
  );
  const redeemed = ofProgramme('VoucherRedeemed.v1').length;
  const expired = ofProgramme('VouchersExpired.v1').reduce(
    (sum, event) => sum + (event.data as { voucherIds: unknown[] }).voucherIds.length,
    0,
  );
  const cancelled = ofProgramme('BookCancelled.v1').reduce(
    (sum, event) => sum + (event.data as { voidedVoucherIds: unknown[] }).voidedVoucherIds.length,
    0,
  );
  const cents = (vouchers: number) => ({ vouchers, cents: vouchers * faceValueCents });
  return {
    issued: cents(issued),
    redeemed: cents(redeemed),
    expired: cents(expired),
    cancelled: cents(cancelled),
  };
}

onBothStores('a programme through its year', (kind) => {
  let t: TestApp;
  let tokens: Tokens;
  beforeAll(async () => {
    t = await startTestApp(kind, { EXPIRY_SCHEDULE: 'off' });
    tokens = await tokensFor(t);
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.set(undefined));

  const as = (token: string) => ({
    post: (path: string, body: object = {}) => t.http().post(path).set(auth(token)).send(body),
    get: (path: string) => t.http().get(path).set(auth(token)),
  });

  it('allocates, hands out, stops, honours the grace month, expires once, credits and reconciles to the cent', async () => {
    t.clock.set(YEAR_START);
    const payer = as(tokens.payer);
    const ccasToken = await t.token('distributor', 'ccas-bordeaux');
    const ccas = as(ccasToken);
    const mairie = as(await t.token('distributor', 'mairie-begles'));
    const venue = await certifiedVenue(t, tokens);
    const programmeId = await openProgramme(t, tokens, {
      validFrom: '2026-01-01T00:00:00Z',
      validUntil: VALID_UNTIL,
      budgetCents: 15_000,
    });
    const books = await issueBooks(t, tokens, programmeId, 3, 5);

    const allocated = await payer
      .post(`/v1/programmes/${programmeId}/allocations`, { distributorId: 'ccas-bordeaux', count: 2 })
      .expect(201);
    expect(allocated.body.bookIds).toEqual([books[0].bookId, books[1].bookId]);
    await ccas
      .post(`/v1/books/${books[1].bookId}/allocation`, { distributorId: 'mairie-begles' })
      .expect(200);
    const chain = await payer.get(`/v1/books/${books[1].bookId}`).expect(200);
    expect(chain.body).toMatchObject({
      holder: { kind: 'distributor', id: 'mairie-begles' },
      chain: ['ccas-bordeaux', 'mairie-begles'],
    });

    expect(
      (await payer.post(`/v1/books/${books[0].bookId}/distribution`, { distributorId: 'ccas-bordeaux' })).body
        .code,
    ).toBe('book.not-held');
    expect(
      (await ccas.post(`/v1/books/${books[1].bookId}/distribution`, { distributorId: 'ccas-bordeaux' })).body
        .code,
    ).toBe('book.not-held');
    expect(
      (
        await ccas.post(`/v1/books/${books[0].bookId}/distribution`, {
          distributorId: 'ccas-bordeaux',
          beneficiaryRef: 'marie@example.fr',
        })
      ).status,
    ).toBe(400);
    await ccas
      .post(`/v1/books/${books[0].bookId}/distribution`, {
        distributorId: 'ccas-bordeaux',
        beneficiaryRef: 'dossier-7',
      })
      .expect(200);
    await mairie
      .post(`/v1/books/${books[1].bookId}/distribution`, { distributorId: 'mairie-begles' })
      .expect(200);

    const listed = await ccas.get('/v1/distributors/ccas-bordeaux/books').expect(200);
    expect(listed.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ bookId: books[0].bookId, handedOutByYou: true, status: 'distributed' }),
        expect.objectContaining({ bookId: books[1].bookId, heldByYou: false, passedOnTo: 'mairie-begles' }),
      ]),
    );
    expect(listed.body).toHaveLength(2);
    await ccas.get('/v1/distributors/mairie-begles/books').expect(404);
    expect((await payer.get(`/v1/programmes/${programmeId}`).expect(200)).body.endOfValidity).toBeNull();

    t.clock.set('2026-06-01T10:00:00.000Z');
    await redeem(t, venue.token, { qr: books[0].vouchers[0].qr }).expect(201);
    await redeem(t, venue.token, { qr: books[0].vouchers[1].qr }).expect(201);
    await redeem(t, venue.token, { qr: books[1].vouchers[0].qr }).expect(201);

    t.clock.set('2026-12-01T10:00:00.000Z');
    await payer.post(`/v1/programmes/${programmeId}/distribution-stop`).expect(200);
    await payer.post(`/v1/programmes/${programmeId}/distribution-stop`).expect(200);
    const blocked = await payer
      .post(`/v1/books/${books[2].bookId}/distribution`, { distributorId: 'ccas-bordeaux' })
      .expect(422);
    expect(blocked.body.type).toBe('/problems/programme.distribution-stopped');
    await payer
      .post(`/v1/programmes/${programmeId}/allocations`, { distributorId: 'ccas-bordeaux', count: 1 })
      .expect(422);

    t.clock.set('2026-12-05T04:00:00.000Z');
    const alert = (await payer.get(`/v1/programmes/${programmeId}`).expect(200)).body.endOfValidity;
    expect(alert).toMatchObject({
      distributionStopped: true,
      booksIssued: 3,
      booksAllocated: 2,
      booksNotAllocated: 1,
      booksHandedOut: 2,
      booksStarted: 2,
      vouchersUnredeemed: 12,
      unredeemedFaceValueCents: 12_000,
    });
    const scheduler = t.app.get(ExpiryScheduler);
    await scheduler.runOnce();
    await scheduler.runOnce();
    const announced = (await t.allEvents()).filter(
      (event) =>
        event.type === 'ProgrammeExpiring.v1' &&
        (event.data as { programmeId: string }).programmeId === programmeId,
    );
    expect(announced).toHaveLength(1);
    expect(announced[0].data).toMatchObject({ figures: { vouchersUnredeemed: 12, booksNotAllocated: 1 } });

    t.clock.set(IN_GRACE);
    await redeem(t, venue.token, { qr: books[0].vouchers[2].qr }).expect(201);

    t.clock.set(BEFORE_GRACE_END);
    const early = await payer.post(`/v1/programmes/${programmeId}/expiry`).expect(422);
    expect(early.body.type).toBe('/problems/programme.grace-period-running');

    t.clock.set(AFTER_GRACE);
    expect((await redeem(t, venue.token, { qr: books[0].vouchers[3].qr })).body.code).toBe('voucher.expired');
    const expiry = await payer.post(`/v1/programmes/${programmeId}/expiry`).expect(200);
    expect(expiry.body).toMatchObject({
      expiredVouchers: 11,
      creditNote: { amountCents: 11_000, voucherCount: 11 },
    });
    const again = await payer.post(`/v1/programmes/${programmeId}/expiry`).expect(200);
    expect(again.body).toMatchObject({ expiredVouchers: 0, creditNote: null });

    const notes = await payer.get(`/v1/programmes/${programmeId}/credit-notes`).expect(200);
    expect(notes.body.creditNotes).toHaveLength(1);
    const pdf = await payer
      .get(`/v1/programmes/${programmeId}/credit-notes/${notes.body.creditNotes[0].creditNoteId}.pdf`)
      .buffer(true)
      .expect(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    const report = await payer.get(`/v1/programmes/${programmeId}/reconciliation`).expect(200);
    const raw = recount(await t.allEvents(), programmeId, 1000);
    expect(report.body).toMatchObject({
      issued: raw.issued,
      redeemed: { ...raw.redeemed, amountCents: 4000 },
      expired: raw.expired,
      cancelled: raw.cancelled,
      outstanding: { vouchers: 0, cents: 0 },
      creditedCents: 11_000,
      awaitingSettlementCents: 4000,
    });
    const { issued, redeemed, expired, cancelled } = report.body;
    expect(issued.cents).toBe(redeemed.cents + expired.cents + cancelled.cents);
    expect((await payer.get(`/v1/programmes/${programmeId}/reconciliation.csv`).expect(200)).text).toContain(
      'expirés;11;11000',
    );
    await payer.get(`/v1/programmes/${programmeId}/reconciliation.pdf`).expect(200);
    expect((await payer.get(`/v1/vouchers/${books[2].vouchers[0].voucherId}`).expect(200)).body.status).toBe(
      'expired',
    );
    await as(tokens.otherPayer).get(`/v1/programmes/${programmeId}/reconciliation`).expect(404);
  });

  it('ends each voucher redeemed or expired, never both, when 50 scans race the expiry run', async () => {
    t.clock.set(YEAR_START);
    const venue = await certifiedVenue(t, tokens);
    const programmeId = await openProgramme(t, tokens, {
      validFrom: '2026-01-01T00:00:00Z',
      validUntil: VALID_UNTIL,
      budgetCents: 50_000,
    });
    const books = await issueBooks(t, tokens, programmeId, 5, 10);
    for (const book of books)
      await as(tokens.payer)
        .post(`/v1/books/${book.bookId}/distribution`, { distributorId: 'ccas' })
        .expect(200);

    // Scans made offline in the last hours of the grace month reach the server as the expiry runs.
    t.clock.set(AFTER_GRACE);
    const vouchers = books.flatMap((book) => book.vouchers);
    const [expiry, ...scans] = await Promise.all([
      as(tokens.payer).post(`/v1/programmes/${programmeId}/expiry`),
      ...vouchers.map((voucher) =>
        redeem(t, venue.token, { qr: voucher.qr, scannedAt: '2027-01-31T20:00:00Z' }),
      ),
    ]);
    expect(expiry.status).toBe(200);
    const accepted = scans.filter((scan) => scan.status === 201).length;
    expect(scans.every((scan) => scan.status === 201 || scan.body.code === 'voucher.expired')).toBe(true);

    const events = await t.allEvents();
    const redeemedIds = events
      .filter((e) => e.type === 'VoucherRedeemed.v1')
      .map((e) => (e.data as { voucherId: string }).voucherId);
    const expiredIds = events
      .filter((e) => e.type === 'VouchersExpired.v1')
      .flatMap((e) => (e.data as { voucherIds: string[] }).voucherIds);
    for (const voucher of vouchers) {
      const ends = [redeemedIds.includes(voucher.voucherId), expiredIds.includes(voucher.voucherId)];
      expect(ends.filter(Boolean)).toHaveLength(1);
    }
    expect(redeemedIds.filter((id) => vouchers.some((v) => v.voucherId === id))).toHaveLength(accepted);
    const notes = await as(tokens.payer).get(`/v1/programmes/${programmeId}/credit-notes`).expect(200);
    const credited = notes.body.creditNotes.reduce(
      (sum: number, note: { amountCents: number }) => sum + note.amountCents,
      0,
    );
    expect(credited).toBe((vouchers.length - accepted) * 1000);
  });
});
