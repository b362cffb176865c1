import { MIGRATIONS } from '../sql/schema';
import { CALL_APPEND_ALONE_FUNCTION } from '../sql/append-independent-batch-function';
import { SELECT_ALL_AFTER, SELECT_STREAMS } from '../sql/queries';
import { Client } from 'pg';
import {
  createIsolatedSchema,
  describeOnPostgres,
  dropSchema,
  postgresUrl,
} from '../../../../test/support/postgres';
import { eventStoreContract } from '../contract/event-store.contract';
import { recordedInstantsContract } from '../contract/recorded-instants.contract';
import { newEvents, uniqueStreamId } from '../contract/contract-support';
import { START_OF_LOG } from '../event-store.port';
import { openEventStore } from '../open-event-store';
import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';

describeOnPostgres('PostgresEventStore', () => {
  eventStoreContract('PostgreSQL', async () => {
    const schema = await createIsolatedSchema('es');
    const store = await PostgresEventStore.connect({ connectionString: postgresUrl(), schema });
    return {
      store,
      supportsConcurrentConnections: true,
      openSession: async () => {
        const client = new Client({ connectionString: postgresUrl(), options: `-c search_path=${schema}` });
        await client.connect();
        return client;
      },
      cleanup: async () => {
        await store.close();
        await dropSchema(schema);
      },
    };
  });

  recordedInstantsContract('PostgreSQL', async () => {
    const schema = await createIsolatedSchema('es');
    const store = await PostgresEventStore.connect({ connectionString: postgresUrl(), schema });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await dropSchema(schema);
      },
    };
  });

  describe('append notifications across processes', () => {
    it("wakes another process's listener through LISTEN/NOTIFY after an append", async () => {
      const schema = await createIsolatedSchema('es');
      const writer = await PostgresEventStore.connect({ connectionString: postgresUrl(), schema });
      const reader = await PostgresEventStore.connect({ connectionString: postgresUrl(), schema });
      try {
        let heard = 0;
        await reader.onAppended(() => (heard += 1));
        const before = heard;
        await writer.append([{ streamId: uniqueStreamId(), expectedVersion: 0, events: newEvents(1) }]);
        const deadline = Date.now() + 5_000;
        while (heard === before && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 10));
        expect(heard).toBeGreaterThan(before);
      } finally {
        await writer.close();
        await reader.close();
        await dropSchema(schema);
      }
    });
  });

  describe('prepared statements', () => {
    // One connection, so that the session asked about pg_prepared_statements is the one that ran them.
    it('parses its hot statements once per connection and runs them by name after', () =>
      withStore({ max: 1 }, async (store) => {
        const streamId = uniqueStreamId();
        await store.append([{ streamId, expectedVersion: 0, events: newEvents(2) }]);
        await store.append([{ streamId, expectedVersion: 2, events: newEvents(1) }]);
        expect(await store.readStream(streamId)).toHaveLength(3);
        expect(await store.readStream(streamId)).toHaveLength(3);
        expect((await store.readAll(START_OF_LOG, 10)).map((event) => event.streamVersion)).toEqual([
          1, 2, 3,
        ]);
        const rows = await store.sql.query<{ name: string }>(`select name from pg_prepared_statements`);
        expect(rows.map((row) => row.name).sort()).toEqual(
          [CALL_APPEND_ALONE_FUNCTION.name, SELECT_ALL_AFTER.name, SELECT_STREAMS.name].sort(),
        );
      }));

    it('sends every statement unnamed when prepared statements are off (for poolers that cannot keep them)', () =>
      withStore({ max: 1, preparedStatements: false }, async (store) => {
        const streamId = uniqueStreamId();
        await store.append([{ streamId, expectedVersion: 0, events: newEvents(2) }]);
        expect(await store.readStream(streamId)).toHaveLength(2);
        expect(await store.readAll(START_OF_LOG, 10)).toHaveLength(2);
        expect(await store.sql.query(`select name from pg_prepared_statements`)).toEqual([]);
      }));
  });

  describe('a transaction left idle too long', () => {
    it('fails on its own when the server ends it, and the store goes on', () =>
      withStore({ idleInTransactionTimeoutMs: 200 }, async (store) => {
        const stalled = store.sql.transaction(async (tx) => {
          await tx.query('select 1');
          await new Promise((resolve) => setTimeout(resolve, 1_000)); // the server ends it meanwhile
          await tx.query('select 2');
        });
        await expect(stalled).rejects.toThrow();
        const streamId = uniqueStreamId();
        await store.append([{ streamId, expectedVersion: 0, events: newEvents(1) }]);
        expect(await store.readStream(streamId)).toHaveLength(1);
      }));
  });

  describe('connecting', () => {
    let schema: string;
    beforeEach(async () => {
      schema = await createIsolatedSchema('es');
    });
    afterEach(async () => {
      await dropSchema(schema);
    });

    it('lets processes starting together migrate the same schema without racing', async () => {
      const stores = await Promise.all(
        Array.from({ length: 4 }, () =>
          PostgresEventStore.connect({ connectionString: postgresUrl(), schema }),
        ),
      );
      try {
        const { rows } = await stores[0].pool.query('select version from schema_migrations order by version');
        expect(rows).toEqual(MIGRATIONS.map((migration) => ({ version: migration.version })));
        const streamId = uniqueStreamId();
        await stores[1].append([{ streamId, expectedVersion: 0, events: newEvents(2) }]);
        expect(await stores[2].readStream(streamId)).toHaveLength(2);
      } finally {
        await Promise.all(stores.map((store) => store.close()));
      }
    });

    it('creates its tables in the configured schema only, with the session settings applied', async () => {
      const store = await openEventStore({ databaseUrl: postgresUrl(), schema, poolSize: 2 });
      try {
        expect(store).toBeInstanceOf(PostgresEventStore);
        const pool = (store as PostgresEventStore).pool;
        const { rows } = await pool.query<{ table_name: string }>(
          `select table_name from information_schema.tables where table_schema = $1 order by table_name`,
          [schema],
        );
        expect(rows.map((row) => row.table_name)).toEqual(['events', 'reservations', 'schema_migrations']);
        const settings = await pool.query<{ timeout: string }>(
          `select current_setting('idle_in_transaction_session_timeout') as timeout`,
        );
        expect(settings.rows[0].timeout).toBe('10s');
      } finally {
        await store.close();
      }
    });

    it('creates the schema when it does not exist yet, even when processes start together', async () => {
      const missing = `${schema}_new`;
      try {
        const stores = await Promise.all(
          Array.from({ length: 4 }, () =>
            PostgresEventStore.connect({ connectionString: postgresUrl(), schema: missing }),
          ),
        );
        await stores[0].append([{ streamId: uniqueStreamId(), expectedVersion: 0, events: newEvents(1) }]);
        await Promise.all(stores.map((store) => store.close()));
      } finally {
        await dropSchema(missing);
      }
    });

    it('refuses a schema name that is not a plain identifier', () => {
      expect(
        () => new PostgresEventStore({ connectionString: postgresUrl(), schema: 'x; drop table y' }),
      ).toThrow(/invalid schema/);
    });
  });
});

/** A store on a schema of its own, closed and dropped whatever `work` does. */
async function withStore(
  options: Omit<PostgresEventStoreOptions, 'connectionString' | 'schema'>,
  work: (store: PostgresEventStore) => Promise<void>,
): Promise<void> {
  const schema = await createIsolatedSchema('es');
  const store = await PostgresEventStore.connect({ connectionString: postgresUrl(), schema, ...options });
  try {
    await work(store);
  } finally {
    await store.close();
    await dropSchema(schema);
  }
}
