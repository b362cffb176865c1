import { randomUUID } from 'node:crypto';
import { streams } from '@pass/domain';
import { indexLedgers } from '../apps/api/src/settlements/payables/settlement-tables';
import { sqlOf } from '../apps/api/src/settlements/payables/payables-reactor';
import { onBothStores } from './support/both-stores';
import { startTestApp, type TestApp } from './support/test-app';
import { auth, certifiedVenue, distribute, issueBooks, openProgramme } from './support/scenario';
import {
  freshPayer,
  fundedVenues,
  randomSiren,
  redeemOk,
  settle,
  settleOk,
  settlementLog,
} from './support/settlement-scenario';

onBothStores('settlements', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterEach(() => t.clock.set(undefined));
  afterAll(() => t.close());

  it('opens one batch per venue with its payables, and each side sees what concerns it', async () => {
    const tokens = await freshPayer(t);
    const { venues, vouchers } = await fundedVenues(t, tokens, 2, 5);
    const [a, b] = venues;
    const first = await redeemOk(t, a.token, vouchers[0].qr);
    const second = await redeemOk(t, a.token, vouchers[1].qr, { servicePriceCents: 750 });
    await redeemOk(t, b.token, vouchers[2].qr);

    const batches = await settleOk(t, tokens.payer);
    expect(
      batches.map(({ venueId, totalCents, redemptions, status }) => ({
        venueId,
        totalCents,
        redemptions,
        status,
      })),
    ).toEqual(
      expect.arrayContaining([
        { venueId: a.venueId, totalCents: 1750, redemptions: 2, status: 'awaiting-bank-details' },
        { venueId: b.venueId, totalCents: 1000, redemptions: 1, status: 'awaiting-bank-details' },
      ]),
    );
    expect(batches).toHaveLength(2);
    expect(await settleOk(t, tokens.payer)).toEqual([]);

    const ofA = batches.find((batch) => batch.venueId === a.venueId)!;
    const seenByVenue = await t.http().get(`/v1/settlements/${ofA.batchId}`).set(auth(a.token)).expect(200);
    expect(seenByVenue.body).toMatchObject({
      batchId: ofA.batchId,
      totalCents: 1750,
      awaitingBankDetails: true,
    });
    expect(
      seenByVenue.body.payables.map((payable: { redemptionId: string }) => payable.redemptionId).sort(),
    ).toEqual([first.redemptionId, second.redemptionId].sort());
    const list = await t.http().get('/v1/settlements').set(auth(tokens.payer)).expect(200);
    expect(list.body.batches.map((batch: { batchId: string }) => batch.batchId).sort()).toEqual(
      batches.map((batch) => batch.batchId).sort(),
    );
    const venueList = await t.http().get('/v1/settlements').set(auth(a.token)).expect(200);
    expect(venueList.body.batches.map((batch: { batchId: string }) => batch.batchId)).toEqual([ofA.batchId]);

    // Another payer, another venue: the batch does not exist for them.
    for (const stranger of [tokens.otherPayer, b.token]) {
      const response = await t.http().get(`/v1/settlements/${ofA.batchId}`).set(auth(stranger)).expect(404);
      expect(response.body.type).toBe('/problems/settlement.not-found');
    }
    await t.http().get(`/v1/settlements/${ofA.batchId}/sepa.xml`).set(auth(tokens.otherPayer)).expect(404);
    await t
      .http()
      .post(`/v1/settlements/${ofA.batchId}/payment`)
      .set(auth(tokens.otherPayer))
      .send({ paymentReference: 'VIR-1' })
      .expect(404);
    expect(
      (await t.http().get('/v1/settlements').set(auth(tokens.otherPayer)).expect(200)).body.batches,
    ).toEqual([]);
    await t.http().post('/v1/settlements').set(auth(a.token)).send({}).expect(403);
  });

  it('settles a ledger that holds payables recorded one per event, as the reactor wrote them before', async () => {
    const tokens = await freshPayer(t);
    const { programmeId, venues, vouchers } = await fundedVenues(t, tokens, 1, 3);
    const { venueId } = venues[0];
    // A ledger as an earlier version left it: one PayableRecorded.v1 per redemption.
    await indexLedgers(sqlOf(t.store), [{ payerId: tokens.payerId, venueId }]);
    const earlier = {
      payerId: tokens.payerId,
      venueId,
      redemptionId: 'rdm_recorded_alone',
      voucherId: vouchers[2].voucherId,
      programmeId,
      amountCents: 1000,
      scannedAt: '2026-01-05T10:00:00.000Z',
      recordedAt: '2026-01-05T10:00:01.000Z',
    };
    await t.store.append([
      {
        streamId: streams.ledger(tokens.payerId, venueId),
        expectedVersion: 0,
        events: [{ eventId: randomUUID(), type: 'PayableRecorded.v1', data: earlier }],
      },
    ]);
    const now = await redeemOk(t, venues[0].token, vouchers[0].qr, { servicePriceCents: 600 });

    const [batch] = await settleOk(t, tokens.payer);
    expect(batch).toMatchObject({ venueId, totalCents: 1600, redemptions: 2 });
    const log = await settlementLog(t, tokens.payerId);
    expect(log.recorded.map((event) => event.data.redemptionId)).toEqual([now.redemptionId]);
    expect(log.batched.map((event) => (event.data.redemptionIds as string[]).sort())).toEqual([
      [now.redemptionId, 'rdm_recorded_alone'].sort(),
    ]);
  });

  it('marks a batch paid once: the second payment answers 409', async () => {
    const tokens = await freshPayer(t);
    const { venues, vouchers } = await fundedVenues(t, tokens, 1, 2);
    await redeemOk(t, venues[0].token, vouchers[0].qr);
    const [batch] = await settleOk(t, tokens.payer);
    const pay = (reference: string) =>
      t
        .http()
        .post(`/v1/settlements/${batch.batchId}/payment`)
        .set(auth(tokens.payer))
        .send({ paymentReference: reference });

    const paid = await pay('VIR-2026-0001').expect(200);
    expect(paid.body).toMatchObject({ batchId: batch.batchId, status: 'paid', totalCents: 1000 });
    const again = await pay('VIR-2026-0002').expect(409);
    expect(again.body.type).toBe('/problems/settlement.already-paid');
    const seen = await t
      .http()
      .get(`/v1/settlements/${batch.batchId}`)
      .set(auth(venues[0].token))
      .expect(200);
    expect(seen.body).toMatchObject({ status: 'paid', paymentReference: 'VIR-2026-0001' });
    expect((await settlementLog(t, tokens.payerId)).paid).toHaveLength(1);
    await pay('').expect(400);
  });

  it('leaves a redemption recorded after the cut-off to the next batch', async () => {
    const tokens = await freshPayer(t);
    const { venues, vouchers } = await fundedVenues(t, tokens, 1, 3);
    t.clock.set('2030-01-10T10:00:00.000Z');
    const before = await redeemOk(t, venues[0].token, vouchers[0].qr);
    t.clock.set('2030-01-20T10:00:00.000Z');
    const after = await redeemOk(t, venues[0].token, vouchers[1].qr, { servicePriceCents: 400 });

    const [first] = await settleOk(t, tokens.payer, { until: '2030-01-15T00:00:00Z' });
    expect(first).toMatchObject({ totalCents: 1000, redemptions: 1 });
    const [next] = await settleOk(t, tokens.payer);
    expect(next).toMatchObject({ totalCents: 400, redemptions: 1 });
    const log = await settlementLog(t, tokens.payerId);
    expect(log.batched.map((event) => event.data.redemptionIds)).toEqual([
      [before.redemptionId],
      [after.redemptionId],
    ]);

    const future = await settle(t, tokens.payer, { until: '2030-02-01T00:00:00Z' }).expect(400);
    expect(future.body.type).toBe('/problems/settlement.invalid');
  });

  it('gives each co-funder its own batch with its own share, the shares adding up to each redemption', async () => {
    const tokens = await freshPayer(t);
    const coFunderId = randomSiren();
    const coFunder = await t.token('payer', coFunderId);
    const venue = await certifiedVenue(t, tokens);
    const programmeId = await openProgramme(t, tokens, {
      coFunders: [
        { payerId: tokens.payerId, shareBps: 6667 },
        { payerId: coFunderId, shareBps: 3333 },
      ],
    });
    const [book] = await issueBooks(t, tokens, programmeId, 1, 3);
    await distribute(t, tokens, book.bookId);
    await redeemOk(t, venue.token, book.vouchers[0].qr, { servicePriceCents: 1001 });
    await redeemOk(t, venue.token, book.vouchers[1].qr, { servicePriceCents: 995 });

    const [lead] = await settleOk(t, tokens.payer);
    const [partner] = await settleOk(t, coFunder);
    expect(lead).toMatchObject({ payerId: tokens.payerId, venueId: venue.venueId, totalCents: 667 + 663 });
    expect(partner).toMatchObject({ payerId: coFunderId, venueId: venue.venueId, totalCents: 333 + 332 });
    expect(lead.totalCents + partner.totalCents).toBe(1000 + 995);

    const leadBatch = await t
      .http()
      .get(`/v1/settlements/${lead.batchId}`)
      .set(auth(tokens.payer))
      .expect(200);
    const partnerBatch = await t
      .http()
      .get(`/v1/settlements/${partner.batchId}`)
      .set(auth(coFunder))
      .expect(200);
    const redeemed = (await settlementLog(t, tokens.payerId)).redeemed.filter(
      (event) => event.data.programmeId === programmeId,
    );
    for (const event of redeemed) {
      const share = (batch: { payables: { redemptionId: string; amountCents: number }[] }) =>
        batch.payables.find((payable) => payable.redemptionId === event.data.redemptionId)!.amountCents;
      expect(share(leadBatch.body) + share(partnerBatch.body)).toBe(event.data.amountCents);
    }
    await t.http().get(`/v1/settlements/${lead.batchId}`).set(auth(coFunder)).expect(404);
    await t.http().get(`/v1/settlements/${partner.batchId}`).set(auth(tokens.payer)).expect(404);
    const seenByVenue = await t.http().get('/v1/settlements').set(auth(venue.token)).expect(200);
    expect(seenByVenue.body.batches).toHaveLength(2);
  });
});
