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
  /** PostgreSQL: keep hot statements prepared per connection (default true; see PostgresExecutor). */
  readonly preparedStatements?: boolean;
}

/**
 * DATABASE_PREPARED_STATEMENTS, read the same way by every process that opens the store: unset or
 * `true` keeps statements prepared, `false` turns them off; anything else is a mistake worth a stop.
 */
export function preparedStatementsSetting(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'true') return true;
  if (value === 'false') return false;
  throw new Error(`DATABASE_PREPARED_STATEMENTS must be true or false, got "${value}"`);
}

export async function openEventStore(
  config: EventStoreConfig,
): Promise<PostgresEventStore | PgliteEventStore> {
  if (config.databaseUrl) {
    return PostgresEventStore.connect({
      connectionString: config.databaseUrl,
      schema: config.schema,
      max: config.poolSize,
      preparedStatements: config.preparedStatements,
    });
  }
  if (config.dataDir === undefined) return PgliteEventStore.open();
  const dataDir = join(config.dataDir, 'pglite');
  await mkdir(dataDir, { recursive: true });
  return PgliteEventStore.open({ dataDir });
}
