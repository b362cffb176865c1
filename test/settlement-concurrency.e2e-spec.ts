import { onBothStores } from './support/both-stores';
import { startTestApp, type TestApp } from './support/test-app';
import { redeem } from './support/scenario';
import {
  freshPayer,
  fundedVenues,
  redeemOk,
  settle,
  settleOk,
  settlementLog,
  type BatchAnswer,
} from './support/settlement-scenario';
import { sqlOf } from '../apps/api/src/settlements/payables/payables-reactor';

/** Every redemption id in exactly one batch, in the answers and in the log. */
async function expectEachPayableInOneBatch(t: TestApp, payerId: string, answered: BatchAnswer[]) {
  const log = await settlementLog(t, payerId);
  const recorded = log.recorded.map((event) => event.data.redemptionId as string).sort();
  const batched = log.batched.flatMap((event) => event.data.redemptionIds as string[]).sort();
  const opened = log.opened.flatMap((event) =>
    (event.data.payables as { redemptionId: string }[]).map((payable) => payable.redemptionId),
  );
  expect(new Set(recorded).size).toBe(recorded.length);
  expect(batched).toEqual(recorded);
  expect(opened.sort()).toEqual(recorded);
  expect(answered.map((batch) => batch.batchId).sort()).toEqual(
    log.opened.map((event) => event.data.batchId as string).sort(),
  );
  const total = (events: { data: Record<string, unknown> }[]) =>
    events.reduce((sum, event) => sum + (event.data.totalCents as number), 0);
  expect(answered.reduce((sum, batch) => sum + batch.totalCents, 0)).toBe(total(log.opened));
  return recorded;
}

onBothStores('settlement under real concurrent requests', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { REDEMPTION_RATE_LIMIT: '100000' });
  });
  afterAll(() => t.close());

  it('puts every payable in exactly one batch when two settlement runs start at the same instant', async () => {
    const tokens = await freshPayer(t);
    const { venues, vouchers } = await fundedVenues(t, tokens, 3, 12);
    const redeemed = await Promise.all(
      vouchers.map((voucher, i) => redeemOk(t, venues[i % 3].token, voucher.qr)),
    );

    const [first, second] = await Promise.all([settle(t, tokens.payer), settle(t, tokens.payer)]);
    expect([first.status, second.status]).toEqual([201, 201]);
    const batches: BatchAnswer[] = [...first.body.batches, ...second.body.batches];
    // One batch per venue between the two runs: each ledger was batched by one run only.
    expect(batches.map((batch) => batch.venueId).sort()).toEqual(venues.map((venue) => venue.venueId).sort());
    expect(batches.reduce((sum, batch) => sum + batch.redemptions, 0)).toBe(12);
    const recorded = await expectEachPayableInOneBatch(t, tokens.payerId, batches);
    expect(recorded).toEqual(redeemed.map((redemption) => redemption.redemptionId).sort());
  });

  it('still batches each payable once when settlement runs race with redemptions', async () => {
    const tokens = await freshPayer(t);
    const { venues, vouchers } = await fundedVenues(t, tokens, 2, 20);
    const early = vouchers.slice(0, 8);
    const late = vouchers.slice(8);
    await Promise.all(early.map((voucher, i) => redeemOk(t, venues[i % 2].token, voucher.qr)));

    const racing = await Promise.all([
      ...late.map((voucher, i) => redeem(t, venues[i % 2].token, { qr: voucher.qr })),
      settle(t, tokens.payer),
      settle(t, tokens.payer),
      settle(t, tokens.payer),
    ]);
    expect(racing.map((response) => response.status)).toEqual(racing.map(() => 201));
    const final = await settleOk(t, tokens.payer);
    const batches = [...racing.slice(late.length).flatMap((response) => response.body.batches), ...final];

    const recorded = await expectEachPayableInOneBatch(t, tokens.payerId, batches);
    expect(recorded).toHaveLength(20);
    expect(await settleOk(t, tokens.payer)).toEqual([]);
  });

  it('records each payable once even when the reactor reads the whole log again', async () => {
    const tokens = await freshPayer(t);
    const { venues, vouchers } = await fundedVenues(t, tokens, 1, 3);
    for (const voucher of vouchers) await redeemOk(t, venues[0].token, voucher.qr);
    await settleOk(t, tokens.payer);
    const before = await settlementLog(t, tokens.payerId);

    // As after a crash before the checkpoint was saved: everything is delivered again.
    await sqlOf(t.store).query('delete from settlement_reactor_checkpoints');
    expect(await settleOk(t, tokens.payer)).toEqual([]);

    const after = await settlementLog(t, tokens.payerId);
    expect(after.recorded).toHaveLength(3);
    expect(after.recorded).toEqual(before.recorded);
    expect(after.batched).toHaveLength(1);
  });
});
