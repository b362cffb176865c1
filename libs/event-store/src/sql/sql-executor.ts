/**
 * The little both adapters have in common: run one statement, or several in a transaction.
 * The event-store algorithm is written once against this (see sql-event-store.ts).
 */
export interface SqlQueryable {
  query<Row extends object>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface SqlExecutor extends SqlQueryable {
  /** Runs `work` between BEGIN and COMMIT; any error rolls back and is rethrown. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Both node-postgres and PGlite surface the server's SQLSTATE and constraint name on the error. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint: violated } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && violated === constraint;
}
