import { SchedulerRegistry } from '@nestjs/schedule';
import { describeOnPostgres } from './support/postgres';
import { startSecondInstance } from './support/second-instance';
import { startTestApp, type TestApp } from './support/test-app';
import { auth } from './support/scenario';
import {
  freshPayer,
  fundedVenues,
  redeemOk,
  settlementLog,
  type BatchAnswer,
} from './support/settlement-scenario';
import {
  MonthlySettlementScheduler,
  type MonthlySettlementRun,
} from '../apps/api/src/settlements/monthly-settlement/monthly-settlement.scheduler';
import { sqlOf } from '../apps/api/src/settlements/payables/payables-reactor';
import { SETTLEMENT_PERIOD_RESERVATION } from '../apps/api/src/settlements/run-settlement/ledger-settlement';

/** The batches a run opened for one payer: the schema is shared with the suite's other payers. */
const openedFor = (payerId: string, ...runs: MonthlySettlementRun[]): BatchAnswer[] =>
  runs.flatMap((run) => run.batches).filter((batch) => batch.payerId === payerId);

const redemptionIds = (redemptions: { redemptionId: string }[]) =>
  redemptions.map((redemption) => redemption.redemptionId).sort();

/** The batch ids reserved per ledger and month for one payer, by reservation key. */
async function periodReservations(t: TestApp, payerId: string): Promise<Record<string, string>> {
  const rows = await sqlOf(t.store).query<{ key: string; value: string }>(
    `select key, value #>> '{}' as value from reservations where scope = $1 and key like $2`,
    [SETTLEMENT_PERIOD_RESERVATION, `${payerId}/%`],
  );
  return Object.fromEntries(rows.map((row) => [row.key, row.value]));
}

describeOnPostgres('monthly settlement run', () => {
  let t: TestApp;
  const monthly = () => t.app.get(MonthlySettlementScheduler);

  beforeAll(async () => {
    t = await startTestApp('postgres', {
      REDEMPTION_RATE_LIMIT: '100000',
      SETTLEMENT_SCHEDULE: '0 6 1 * *',
    });
    // Registered by the schedule, stopped at once: the tests call runOnce with their own dates.
    t.app.get(SchedulerRegistry).getCronJob('monthly-settlement').stop();
  });
  afterEach(() => t.clock.set(undefined));
  afterAll(() => t.close());

  it('is scheduled by SETTLEMENT_SCHEDULE in Paris time, and not at all without it', async () => {
    const job = t.app.get(SchedulerRegistry).getCronJob('monthly-settlement');
    expect(job.cronTime.source).toBe('0 6 1 * *');
    expect(job.cronTime.timeZone).toBe('Europe/Paris');
    expect(job.nextDate().setZone('Europe/Paris').toFormat('d HH:mm')).toBe('1 06:00');

    const unscheduled = await startTestApp('pglite');
    try {
      expect(unscheduled.app.get(SchedulerRegistry).doesExist('cron', 'monthly-settlement')).toBe(false);
    } finally {
      await unscheduled.close();
    }
  });

  it("opens, per venue, the batch of exactly last month's redemptions as Paris counts months", async () => {
    const tokens = await freshPayer(t);
    t.clock.set('2026-03-10T09:00:00.000Z');
    const { venues, vouchers } = await fundedVenues(t, tokens, 2, 8);
    const [a, b] = venues;
    const marchAtA = [await redeemOk(t, a.token, vouchers[0].qr)];
    t.clock.set('2026-03-31T21:30:00.000Z'); // 23:30 on 31 March in Paris
    marchAtA.push(await redeemOk(t, a.token, vouchers[1].qr));
    const march = [...marchAtA, await redeemOk(t, b.token, vouchers[2].qr)];
    t.clock.set('2026-03-31T22:30:00.000Z'); // 00:30 on 1 April in Paris, still March in UTC
    const april = [await redeemOk(t, a.token, vouchers[3].qr)];
    t.clock.set('2026-04-01T04:00:00.000Z'); // the run's own morning
    april.push(await redeemOk(t, b.token, vouchers[4].qr));

    const run = await monthly().runOnce('2026-04-01T04:00:00.000Z');

    expect(run).toMatchObject({ period: '2026-03', until: '2026-03-31T22:00:00.000Z', failedLedgers: 0 });
    const opened = openedFor(tokens.payerId, run);
    expect(
      opened.map(({ venueId, redemptions, totalCents }) => ({ venueId, redemptions, totalCents })),
    ).toEqual(
      expect.arrayContaining([
        { venueId: a.venueId, redemptions: 2, totalCents: 2000 },
        { venueId: b.venueId, redemptions: 1, totalCents: 1000 },
      ]),
    );
    expect(opened).toHaveLength(2);

    const log = await settlementLog(t, tokens.payerId);
    expect(log.batched.flatMap((event) => event.data.redemptionIds as string[]).sort()).toEqual(
      redemptionIds(march),
    );
    expect(log.opened.map((event) => event.data.period)).toEqual(['2026-03', '2026-03']);
    const recordedBy = (event: object) => (event as { metadata: { by: string } }).metadata.by;
    expect(log.opened.map(recordedBy)).toEqual([
      'scheduler:monthly-settlement',
      'scheduler:monthly-settlement',
    ]);
    // April's redemptions are recorded on the ledgers and wait for May's run.
    expect(redemptionIds(log.recorded.map((event) => event.data as { redemptionId: string }))).toEqual(
      redemptionIds([...march, ...april]),
    );

    // The venue sees its batch as the payer's own runs show theirs.
    const ofA = opened.find((batch) => batch.venueId === a.venueId)!;
    const seen = await t.http().get(`/v1/settlements/${ofA.batchId}`).set(auth(a.token)).expect(200);
    expect(
      seen.body.payables.map((payable: { redemptionId: string }) => payable.redemptionId).sort(),
    ).toEqual(redemptionIds(marchAtA));
  });

  it('opens nothing when run again for the same month, and one batch per venue and month even for a late payable', async () => {
    const tokens = await freshPayer(t);
    t.clock.set('2026-05-12T09:00:00.000Z');
    const {
      venues: [venue],
      vouchers,
    } = await fundedVenues(t, tokens, 1, 4);
    const may = await redeemOk(t, venue.token, vouchers[0].qr);
    const JUNE_RUN = '2026-06-01T04:00:00.000Z';

    const first = openedFor(tokens.payerId, await monthly().runOnce(JUNE_RUN));
    expect(first.map((batch) => batch.redemptions)).toEqual([1]);
    expect(openedFor(tokens.payerId, await monthly().runOnce(JUNE_RUN))).toEqual([]);

    // A May redemption that reaches its ledger after May's batch was opened (its transaction
    // committed late): the ledger could batch it, but the month has had its batch.
    t.clock.set('2026-05-31T21:00:00.000Z'); // 23:00 on 31 May in Paris
    const lateMay = await redeemOk(t, venue.token, vouchers[1].qr);
    expect(openedFor(tokens.payerId, await monthly().runOnce(JUNE_RUN))).toEqual([]);
    expect(await periodReservations(t, tokens.payerId)).toEqual({
      [`${tokens.payerId}/${venue.venueId}/2026-05`]: first[0].batchId,
    });

    // June's run takes it, with June's redemptions.
    t.clock.set('2026-06-15T09:00:00.000Z');
    const june = await redeemOk(t, venue.token, vouchers[2].qr);
    const julyRun = await monthly().runOnce('2026-07-01T04:00:00.000Z');
    const [juneBatch] = openedFor(tokens.payerId, julyRun);
    expect(juneBatch).toMatchObject({ venueId: venue.venueId, redemptions: 2, totalCents: 2000 });

    const log = await settlementLog(t, tokens.payerId);
    expect(log.opened.map((event) => event.data.period)).toEqual(['2026-05', '2026-06']);
    expect(log.batched.map((event) => (event.data.redemptionIds as string[]).sort())).toEqual([
      [may.redemptionId],
      redemptionIds([lateMay, june]),
    ]);
  });

  it('puts each redemption in one batch, one per venue and month, when two instances run at once', async () => {
    const second = await startSecondInstance(t);
    second.app.get(SchedulerRegistry).getCronJob('monthly-settlement').stop();
    try {
      const tokens = await freshPayer(t);
      t.clock.set('2026-08-05T09:00:00.000Z');
      const { venues, vouchers } = await fundedVenues(t, tokens, 3, 15);
      const august = await Promise.all(
        vouchers.slice(0, 12).map((voucher, i) => redeemOk(t, venues[i % 3].token, voucher.qr)),
      );
      t.clock.set('2026-08-31T22:30:00.000Z'); // 00:30 on 1 September in Paris
      const september = await Promise.all(
        vouchers.slice(12).map((voucher, i) => redeemOk(t, venues[i % 3].token, voucher.qr)),
      );
      const RUN = '2026-09-01T04:00:00.000Z';

      const runs = await Promise.all([
        monthly().runOnce(RUN),
        second.app.get(MonthlySettlementScheduler).runOnce(RUN),
      ]);

      expect(runs.map((run) => run.failedLedgers)).toEqual([0, 0]);
      const opened = openedFor(tokens.payerId, ...runs);
      expect(opened.map((batch) => batch.venueId).sort()).toEqual(
        venues.map((venue) => venue.venueId).sort(),
      );
      expect(opened.map((batch) => batch.redemptions)).toEqual([4, 4, 4]);

      const log = await settlementLog(t, tokens.payerId);
      const batched = log.batched.flatMap((event) => event.data.redemptionIds as string[]).sort();
      expect(batched).toEqual(redemptionIds(august));
      expect(new Set(batched).size).toBe(batched.length);
      expect(log.opened.map((event) => event.data.batchId).sort()).toEqual(
        opened.map((batch) => batch.batchId).sort(),
      );
      const unbatched = redemptionIds(september);
      expect(batched.filter((id) => unbatched.includes(id))).toEqual([]);

      const reserved = await periodReservations(t, tokens.payerId);
      expect(Object.keys(reserved).sort()).toEqual(
        venues.map((venue) => `${tokens.payerId}/${venue.venueId}/2026-08`).sort(),
      );
      expect(Object.values(reserved).sort()).toEqual(opened.map((batch) => batch.batchId).sort());
    } finally {
      await second.close();
    }
  });
});
