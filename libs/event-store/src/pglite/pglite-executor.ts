import type { PGlite, Transaction } from './pglite-module';
import { statementText, type SqlExecutor, type SqlQueryable, type Statement } from '../sql/sql-executor';

/**
 * SqlExecutor on PGlite's single connection. PGlite queues `query` and `transaction` behind one
 * transaction mutex, so concurrent callers run one after the other and never interleave inside
 * each other's transaction. Consequence: inside `transaction`, only `tx` may be used — calling
 * the executor's own `query` there would wait for itself forever.
 */
export class PgliteExecutor implements SqlExecutor {
  constructor(private readonly db: PGlite) {}

  async query<Row extends object>(sql: Statement, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.db.query<Row>(statementText(sql), [...params])).rows;
  }

  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(queryableOn(tx)));
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}

function queryableOn(tx: Transaction): SqlQueryable {
  return {
    query: async <Row extends object>(sql: Statement, params: readonly unknown[] = []) =>
      (await tx.query<Row>(statementText(sql), [...params])).rows,
  };
}
