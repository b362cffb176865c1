import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PgliteEventStore } from './pglite/pglite-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';

export interface EventStoreConfig {
  /** Set: PostgreSQL. Unset: embedded PGlite. */
  readonly databaseUrl?: string;
  /** PGlite keeps its files in `${dataDir}/pglite`; unset (and no databaseUrl): in memory. */
  readonly dataDir?: string;
  /** PostgreSQL schema (search_path). */
  readonly schema?: string;
  /** PostgreSQL pool size. */
  readonly poolSize?: number;
}

export async function openEventStore(
  config: EventStoreConfig,
): Promise<PostgresEventStore | PgliteEventStore> {
  if (config.databaseUrl) {
    return PostgresEventStore.connect({
      connectionString: config.databaseUrl,
      schema: config.schema,
      max: config.poolSize,
    });
  }
  if (config.dataDir === undefined) return PgliteEventStore.open();
  const dataDir = join(config.dataDir, 'pglite');
  await mkdir(dataDir, { recursive: true });
  return PgliteEventStore.open({ dataDir });
}
