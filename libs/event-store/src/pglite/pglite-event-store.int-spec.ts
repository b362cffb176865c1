import { MIGRATIONS } from '../sql/schema';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '../contract/event-store.contract';
import { recordedInstantsContract } from '../contract/recorded-instants.contract';
import { eventIds, newEvents, OPEN_TIMEOUT_MS, uniqueStreamId } from '../contract/contract-support';
import { openEventStore } from '../open-event-store';
import { PgliteEventStore } from './pglite-event-store';

eventStoreContract('PGlite (in memory)', async () => {
  const store = await PgliteEventStore.open();
  return { store, supportsConcurrentConnections: false, cleanup: () => store.close() };
});

recordedInstantsContract('PGlite', async () => {
  const store = await PgliteEventStore.open();
  return { store, cleanup: () => store.close() };
});

describe('PgliteEventStore on disk', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'event-store-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it(
    'keeps the events and reservations across a close and reopen, and migrates only once',
    async () => {
      const streamId = uniqueStreamId();
      const events = newEvents(3);
      const first = await openEventStore({ dataDir });
      expect(first).toBeInstanceOf(PgliteEventStore);
      expect(existsSync(join(dataDir, 'pglite', 'PG_VERSION'))).toBe(true);
      await first.append([{ streamId, expectedVersion: 0, events }], {
        reservations: [{ scope: 'voucher-code', key: 'ABC', value: { streamId } }],
      });
      await first.close();

      const reopened = await openEventStore({ dataDir });
      try {
        expect(eventIds(await reopened.readStream(streamId))).toEqual(eventIds(events));
        expect(await reopened.lookup('voucher-code', 'ABC')).toEqual({ streamId });
        const db = (reopened as PgliteEventStore).db;
        const { rows } = await db.query<{ version: number }>(
          'select version from schema_migrations order by version',
        );
        expect(rows).toEqual(MIGRATIONS.map((migration) => ({ version: migration.version })));
      } finally {
        await reopened.close();
      }
    },
    OPEN_TIMEOUT_MS,
  );
});
