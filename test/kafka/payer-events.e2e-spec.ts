/**
 * Payer events on a real Kafka broker (infra/kafka, which CI starts). One file on purpose: the last
 * scenario stops the shared broker, and tests within a file run one after the other.
 */
import { randomUUID } from 'node:crypto';
import { PgliteEventStore, PostgresEventStore } from '@pass/event-store';
import { ensureCheckpointTable, KafkaRelay, PAYER_EVENT_TYPES } from '@pass/messaging';
import { createIsolatedSchema, describeOnPostgres, dropSchema, postgresUrl } from '../support/postgres';
import { startTestApp, type TestApp } from '../support/test-app';
import { OTHER_PAYER, PAYER } from '../support/scenario';
import {
  createTopic,
  deleteTopic,
  describeOnKafka,
  kafkaBrokers,
  kafkaScript,
  TopicReader,
  uniqueTopic,
} from '../support/kafka';
import { eventually } from '../support/eventually';
import { allArrived, assertDelivered, expectedMessages } from './delivery';
import { appendSettlement, payerWorkload } from './workload';
import { appendRedemptions, checkpointOf, RelayProcess, wholeLog, type RedemptionLog } from './relay-process';

jest.setTimeout(180_000);

const newEvent = (type: string, data: unknown) => ({ eventId: randomUUID(), type, data });

const lagOf = async (t: TestApp) => {
  const metrics = await t.http().get('/metrics').expect(200);
  const match = /^pass_relay_lag_events (\d+)$/m.exec(metrics.text);
  return match ? Number(match[1]) : undefined;
};

describeOnKafka('payer events on Kafka', () => {
  const topics: string[] = [];
  const readers: TopicReader[] = [];
  const apps: TestApp[] = [];

  async function readerOf(topic: string): Promise<TopicReader> {
    const reader = new TopicReader(topic);
    readers.push(reader);
    await reader.start();
    return reader;
  }

  async function newTopic(prefix: string): Promise<string> {
    const topic = uniqueTopic(prefix);
    topics.push(topic);
    await createTopic(topic);
    return topic;
  }

  afterEach(async () => {
    await Promise.all(readers.splice(0).map((reader) => reader.stop()));
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  afterAll(async () => {
    await Promise.all(topics.map(deleteTopic));
  });

  it('every payer event of a workload arrives, keyed by payer, in store order, as the contract says', async () => {
    const topic = await newTopic('workload');
    const t = await startTestApp('pglite', {
      KAFKA_BROKERS: kafkaBrokers(),
      KAFKA_TOPIC: topic,
      RELAY_BATCH_SIZE: '7',
    });
    apps.push(t);
    const workload = await payerWorkload(t, 2, 5);
    for (let scan = 0; scan < 12; scan++) expect((await workload.redeemNext()).status).toBe(201);
    await workload.cancel(workload.books[1], 'payer');
    await workload.cancel(workload.books[3], 'otherPayer');
    await appendSettlement(t.store);

    const expected = expectedMessages(await t.allEvents());
    const count = (type: string, payer: string) =>
      expected.filter((message) => message.headers.ce_type === type && message.key === payer).length;
    // Co-funded 70/30: both payers hear of its books, redemptions and cancellations.
    expect([PAYER, OTHER_PAYER].map((payer) => count(PAYER_EVENT_TYPES.booksIssued, payer))).toEqual([1, 2]);
    expect([PAYER, OTHER_PAYER].map((payer) => count(PAYER_EVENT_TYPES.voucherRedeemed, payer))).toEqual([
      6, 12,
    ]);
    expect([PAYER, OTHER_PAYER].map((payer) => count(PAYER_EVENT_TYPES.bookCancelled, payer))).toEqual([
      1, 2,
    ]);
    expect(count(PAYER_EVENT_TYPES.settlementBatchOpened, PAYER)).toBe(1);
    expect(count(PAYER_EVENT_TYPES.settlementBatchPaid, PAYER)).toBe(1);

    const reader = await readerOf(topic);
    await reader.waitFor(allArrived(expected));
    assertDelivered(expected, reader.records);
    const shares = reader.records
      .filter((record) => record.headers.ce_type === PAYER_EVENT_TYPES.voucherRedeemed)
      .map((record) => [record.key, (record.value as { amountCents: number }).amountCents]);
    expect(new Set(shares.map(([payer, cents]) => `${payer}:${cents}`))).toEqual(
      new Set([`${PAYER}:700`, `${OTHER_PAYER}:300`, `${OTHER_PAYER}:1000`]),
    );

    expect(await eventually(async () => (await lagOf(t)) === 0, 30_000, 'relay lag 0 in /metrics')).toBe(
      true,
    );
    const health = await t.http().get('/health').expect(200);
    expect(health.body).toMatchObject({
      status: 'ok',
      info: { kafkaRelay: { status: 'up', state: 'running' } },
    });
  });

  describeOnPostgres('a relay process killed with SIGKILL', () => {
    let store: PostgresEventStore;
    let schema: string;
    const relays: RelayProcess[] = [];

    beforeAll(async () => {
      schema = await createIsolatedSchema('relay');
      store = await PostgresEventStore.connect({ connectionString: postgresUrl(), schema });
    });

    afterAll(async () => {
      await Promise.all(relays.map((relay) => relay.kill()));
      await store?.close();
      if (schema) await dropSchema(schema);
    });

    it('restarts from its checkpoint mid-stream and no event is missing', async () => {
      const topic = await newTopic('sigkill');
      const env = {
        DATABASE_URL: postgresUrl(),
        DATABASE_SCHEMA: schema,
        KAFKA_TOPIC: topic,
        RELAY_BATCH_SIZE: '25',
      };
      const log: RedemptionLog = { chunks: 0 };
      // A backlog first, relayed in small batches, so that the kill lands in the middle of it.
      for (let chunk = 0; chunk < 10; chunk++) await appendRedemptions(store, log, 40);
      const backlog = await wholeLog(store);
      const first = new RelayProcess({ ...env, RELAY_BATCH_SIZE: '5' });
      relays.push(first);
      await first.start();
      const atKill = await eventually(() => checkpointOf(store, topic), 60_000, 'a first checkpoint');
      first.kill();
      await first.exited;
      expect(BigInt(atKill.globalPosition)).toBeLessThan(
        BigInt(backlog[backlog.length - 1].position.globalPosition),
      );
      // More events while the relay is down.
      for (let chunk = 0; chunk < 10; chunk++) await appendRedemptions(store, log, 40);

      const all = await wholeLog(store);
      const last = all[all.length - 1].position;

      const second = new RelayProcess(env);
      relays.push(second);
      await second.start();
      await eventually(
        async () => (await checkpointOf(store, topic))?.globalPosition === last.globalPosition,
        90_000,
        'the restarted relay to reach the end of the log',
      );
      expect(await second.terminate()).toBe(0);

      const expected = expectedMessages(all);
      const reader = await readerOf(topic);
      await reader.waitFor(allArrived(expected));
      const duplicates = assertDelivered(expected, reader.records);
      const killedAfter =
        backlog.findIndex((event) => event.position.globalPosition === atKill.globalPosition) + 1;
      console.info(
        `[kafka] SIGKILL after ${killedAfter}/${backlog.length} events relayed; ${expected.length} messages, ${duplicates} re-sent`,
      );
    });
  });

  it("a relay step heavier than the broker's message limit is sent in several requests, all of it", async () => {
    const topic = await newTopic('large');
    const store = await PgliteEventStore.open();
    try {
      // 60 bulk issuances of 1,000 books: ~1.5 MB of payer messages in one relay step of 1,000 events.
      const programmeId = 'prog-large';
      await store.append([
        {
          streamId: `programme-${programmeId}`,
          expectedVersion: 0,
          events: [
            newEvent('ProgrammeOpened.v1', {
              programmeId,
              payerId: PAYER,
              name: 'Gros volume',
              territory: { departements: ['33'], communes: [] },
              faceValueCents: 1000,
              budgetCents: 60_000_000,
              validFrom: '2026-01-01T00:00:00.000Z',
              validUntil: '2026-12-31T00:00:00.000Z',
              coFunders: [{ payerId: PAYER, shareBps: 10_000 }],
              openedAt: '2026-01-01T00:00:00.000Z',
            }),
            ...Array.from({ length: 60 }, (_, issuance) =>
              newEvent('BooksIssued.v1', {
                programmeId,
                bookIds: Array.from({ length: 1000 }, (_, book) => `bk_${issuance}_${book}_padding-to-20`),
                voucherCount: 1000,
                amountCents: 1_000_000,
                issuedAt: '2026-01-02T00:00:00.000Z',
              }),
            ),
          ],
        },
      ]);
      await ensureCheckpointTable(store.sql);
      const relay = new KafkaRelay({ store, brokers: kafkaBrokers().split(','), topic });
      try {
        expect(await relay.relayOnce()).toBe(61);
      } finally {
        await relay.stop();
      }
      const reader = await readerOf(topic);
      await reader.waitFor((records) => records.length >= 60);
      expect(reader.records).toHaveLength(60);
      const sizes = reader.records.map((record) => JSON.stringify(record.value).length);
      expect(sizes.reduce((sum, size) => sum + size, 0)).toBeGreaterThan(1_048_576);
    } finally {
      await store.close();
    }
  });

  it('Kafka stopped during a workload: the API answers throughout, the relay catches up, nothing is missing', async () => {
    const managed = await kafkaScript('status');
    if (!managed.ok) {
      const reason = `the broker is not the one of infra/kafka/kafka.sh (${managed.output.trim()})`;
      if (process.env.CI === 'true' || process.env.REQUIRE_KAFKA === '1') throw new Error(reason);
      console.warn(`[tests] broker-outage scenario SKIPPED: ${reason}`);
      return;
    }
    const downtimeMs = Number(process.env.KAFKA_TEST_DOWNTIME_MS || 30_000);
    const topic = await newTopic('outage');
    const t = await startTestApp('pglite', { KAFKA_BROKERS: kafkaBrokers(), KAFKA_TOPIC: topic });
    apps.push(t);
    const workload = await payerWorkload(t, 2, 6);
    for (let scan = 0; scan < 6; scan++) expect((await workload.redeemNext()).status).toBe(201);
    await eventually(async () => (await lagOf(t)) === 0, 30_000, 'relay lag 0 before the outage');

    try {
      expect(await kafkaScript('stop')).toMatchObject({ ok: true });
      const answers: { status: number; ms: number }[] = [];
      const until = Date.now() + downtimeMs;
      while (Date.now() < until && workload.remaining() > 6) {
        answers.push(await workload.redeemNext());
        const health = await t.http().get('/health');
        answers.push({ status: health.status, ms: 0 });
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      // The broker stays down for the whole outage (30 s by default, as a finance team's broker
      // might), and the API keeps answering its health checks meanwhile.
      while (Date.now() < until) {
        const health = await t.http().get('/health');
        answers.push({ status: health.status, ms: 0 });
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      await eventually(
        async () => (await t.http().get('/health').expect(200)).body.status === 'degraded',
        15_000,
        '/health to report the relay degraded',
      );
      expect(answers.length).toBeGreaterThan(4);
      expect(answers.filter((answer) => answer.status !== 201 && answer.status !== 200)).toEqual([]);
      expect(Math.max(...answers.map((answer) => answer.ms))).toBeLessThan(5000);
      expect(await lagOf(t)).toBeGreaterThan(0);
    } finally {
      const restarted = await kafkaScript('start');
      expect(restarted).toMatchObject({ ok: true });
    }
    while (workload.remaining() > 0) expect((await workload.redeemNext()).status).toBe(201);

    await eventually(async () => (await lagOf(t)) === 0, 90_000, 'the relay to catch up after the outage');
    const expected = expectedMessages(await t.allEvents());
    const reader = await readerOf(topic);
    await reader.waitFor(allArrived(expected));
    assertDelivered(expected, reader.records);
    expect((await t.http().get('/health').expect(200)).body.status).toBe('ok');
  }, 180_000);
});
