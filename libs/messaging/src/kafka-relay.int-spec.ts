import { randomUUID } from 'node:crypto';
import { PgliteEventStore, START_OF_LOG } from '@pass/event-store';
import { KafkaRelay } from './kafka-relay';
import { loadCheckpoint } from './relay-checkpoint';

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the Kafka relay without a usable broker', () => {
  let store: PgliteEventStore;

  beforeEach(async () => {
    store = await PgliteEventStore.open();
    await store.append([
      {
        streamId: 'book-b1',
        expectedVersion: 0,
        events: [1, 2, 3].map((n) => ({
          eventId: randomUUID(),
          type: 'VoucherRedeemed.v1',
          data: {
            bookId: 'b1',
            programmeId: 'p1',
            voucherId: `b1-0${n}`,
            redemptionId: `r${n}`,
            venueId: 'v1',
            amountCents: 1000,
            servicePriceCents: null,
            shares: [{ payerId: '200054781', amountCents: 1000 }],
            scannedAt: '2026-03-01T10:00:00.000Z',
            recordedAt: '2026-03-01T10:00:00.000Z',
          },
        })),
      },
    ]);
  });

  afterEach(async () => {
    await store.close();
  });

  it('when the broker is unreachable: retries with backoff, reports degraded, never moves the checkpoint', async () => {
    const relay = new KafkaRelay({
      store,
      brokers: ['127.0.0.1:1'],
      topic: 'relay-int-spec',
      backoff: { initialMs: 20, maxMs: 100 },
    });
    try {
      await relay.start();
      await until(() => relay.status().consecutiveFailures >= 2);
      expect(relay.status()).toMatchObject({ state: 'degraded', published: 0, checkpoint: START_OF_LOG });
      expect(relay.status().lastError).toBeTruthy();
      expect(await loadCheckpoint(store.sql, 'kafka:relay-int-spec')).toEqual(START_OF_LOG);
      expect((await relay.lag()).events).toBe(3);
    } finally {
      const stopping = Date.now();
      await relay.stop();
      expect(Date.now() - stopping).toBeLessThan(20_000);
      expect(relay.status().state).toBe('stopped');
    }
  });
});
