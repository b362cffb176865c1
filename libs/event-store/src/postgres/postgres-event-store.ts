import { Pool } from 'pg';
import type { EventStore } from '../event-store.port';
import { runMigrations } from '../sql/schema';
import { SqlEventStore } from '../sql/sql-event-store';
import { listenForAppends } from './append-listener';
import { PostgresExecutor } from './postgres-executor';

export interface PostgresEventStoreOptions {
  readonly connectionString: string;
  /** Schema holding the tables (search_path); created if missing. Default: the server's search_path. */
  readonly schema?: string;
  /** Pool size. */
  readonly max?: number;
  /** A transaction left open this long is killed by the server, so it cannot hold readAll back forever. */
  readonly idleInTransactionTimeoutMs?: number;
  /** Keep the hot statements prepared on each connection (default); false behind a pooler that cannot. */
  readonly preparedStatements?: boolean;
}

const SQL_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The production adapter: PostgreSQL through a node-postgres pool. */
export class PostgresEventStore extends SqlEventStore implements EventStore {
  private readonly sharedPool: Pool;
  private readonly listeners: (() => Promise<void>)[] = [];
  protected readonly sharedWithOtherProcesses = true;
  protected readonly batchesConcurrentCalls = true;

  constructor(private readonly options: PostgresEventStoreOptions) {
    const pool = createPool(options);
    super(new PostgresExecutor(pool, { prepare: options.preparedStatements }));
    this.sharedPool = pool;
  }

  /** Opens the pool and brings the schema up to date. */
  static async connect(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(options);
    try {
      const executor = new PostgresExecutor(store.pool, { prepare: options.preparedStatements });
      if (options.schema) await createSchemaIfMissing(executor, options.schema);
      await runMigrations(executor);
      return store;
    } catch (error) {
      await store.close();
      throw error;
    }
  }

  /** Appends of this process are heard at once; those of other processes through LISTEN. */
  override async onAppended(listener: () => void): Promise<() => Promise<void>> {
    const stopLocal = await super.onAppended(listener);
    // Channels are per database, not per schema: stores in sibling schemas wake each other, harmlessly.
    const stopListening = await listenForAppends(this.options.connectionString, listener);
    const stop = async () => {
      await stopLocal();
      await stopListening();
    };
    this.listeners.push(stop);
    return stop;
  }

  override async close(): Promise<void> {
    await Promise.all(this.listeners.map((stop) => stop()));
    await super.close();
  }

  /** For the libraries that live next to the events (projections): one pool per process. */
  get pool(): Pool {
    return this.sharedPool;
  }
}

/** `create schema if not exists` is not safe against itself: processes starting together take turns. */
async function createSchemaIfMissing(executor: PostgresExecutor, schema: string): Promise<void> {
  await executor.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(hashtextextended('event-store:schema:' || $1, 0))`, [
      schema,
    ]);
    await tx.query(`create schema if not exists "${schema}"`);
  });
}

function createPool(options: PostgresEventStoreOptions): Pool {
  const settings = [`-c idle_in_transaction_session_timeout=${options.idleInTransactionTimeoutMs ?? 10_000}`];
  if (options.schema !== undefined) {
    // Goes into a startup parameter unquoted: only plain identifiers are accepted.
    if (!SQL_IDENTIFIER.test(options.schema)) throw new Error(`invalid schema name: ${options.schema}`);
    settings.push(`-c search_path=${options.schema}`);
  }
  const pool = new Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    options: settings.join(' '),
  });
  // An idle client dying (server restart, idle timeout) must not crash the process: the pool
  // already discarded it and the next query opens a fresh connection.
  pool.on('error', () => undefined);
  return pool;
}
