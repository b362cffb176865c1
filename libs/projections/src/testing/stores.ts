import { PgliteEventStore, PostgresEventStore, type SqlEventStore } from '@pass/event-store';
import { createIsolatedSchema, dropSchema, postgresUrl } from '../../../../test/support/postgres';
import type { StoreKind } from '../../../../test/support/test-app';

export interface TestStore {
  readonly store: SqlEventStore;
  /** PostgreSQL only: for child processes and raw sessions. */
  readonly url?: string;
  readonly schema?: string;
  close(): Promise<void>;
}

/** A fresh, empty store: PGlite in memory, or PostgreSQL in a schema of its own. */
export async function openTestStore(kind: StoreKind): Promise<TestStore> {
  if (kind === 'pglite') {
    const store = await PgliteEventStore.open();
    return { store, close: () => store.close() };
  }
  const schema = await createIsolatedSchema('pj');
  const store = await PostgresEventStore.connect({ connectionString: postgresUrl(), schema });
  return {
    store,
    url: postgresUrl(),
    schema,
    async close() {
      await store.close();
      await dropSchema(schema);
    },
  };
}
