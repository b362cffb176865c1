import type { Pool, PoolClient, QueryConfig } from 'pg';
import { statementText, type SqlExecutor, type SqlQueryable, type Statement } from '../sql/sql-executor';

/**
 * SqlExecutor on a node-postgres pool: a transaction borrows one client for its whole life.
 * `prepare: false` sends every statement unnamed, for poolers that cannot carry prepared
 * statements from one server connection to another (PgBouncer in transaction mode before 1.21).
 */
export class PostgresExecutor implements SqlExecutor {
  private closing?: Promise<void>;
  private readonly queryConfig: (sql: Statement, params: readonly unknown[]) => QueryConfig;

  constructor(
    private readonly pool: Pool,
    { prepare = true }: { prepare?: boolean } = {},
  ) {
    this.queryConfig = prepare ? namedWhenPrepared : alwaysUnnamed;
  }

  async query<Row extends object>(sql: Statement, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(this.queryConfig(sql, params))).rows as Row[];
  }

  async transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let brokenConnection: Error | undefined;
    // The pool listens for errors of idle clients only. A transaction left idle past the server's
    // idle_in_transaction_session_timeout (a stalled event loop) has its connection killed: without
    // this listener that 'error' event would crash the process; with it, the work's next query fails.
    const onConnectionLost = (error: Error) => (brokenConnection = error);
    client.on('error', onConnectionLost);
    try {
      // Explicit: append reads versions after taking its locks, which only sees the previous
      // holder's commit if each statement gets a fresh snapshot, whatever the server's default.
      await client.query('begin isolation level read committed');
      const result = await work(queryableOn(client, this.queryConfig));
      await client.query('commit');
      return result;
    } catch (error) {
      // A connection whose rollback fails is in an unknown state: destroy it rather than pool it.
      await client.query('rollback').catch((rollbackError: Error) => (brokenConnection = rollbackError));
      throw error;
    } finally {
      client.off('error', onConnectionLost);
      client.release(brokenConnection);
    }
  }

  close(): Promise<void> {
    this.closing ??= this.pool.end();
    return this.closing;
  }
}

function queryableOn(
  client: PoolClient,
  queryConfig: (sql: Statement, params: readonly unknown[]) => QueryConfig,
): SqlQueryable {
  return {
    query: async <Row extends object>(sql: Statement, params: readonly unknown[] = []) =>
      (await client.query(queryConfig(sql, params))).rows as Row[],
  };
}

/** A prepared statement goes by name: node-postgres parses it on a connection's first use only. */
function namedWhenPrepared(sql: Statement, params: readonly unknown[]): QueryConfig {
  return typeof sql === 'string' ? { text: sql, values: [...params] } : { ...sql, values: [...params] };
}

function alwaysUnnamed(sql: Statement, params: readonly unknown[]): QueryConfig {
  return { text: statementText(sql), values: [...params] };
}
