import { createHash } from 'node:crypto';

/**
 * A statement the server may keep parsed and planned across calls: node-postgres prepares it once per
 * connection under `name`; PGlite runs its text. Only for statements run often whose result columns
 * cannot change under them (no `select *` from a view that a rebuild or a migration may redefine:
 * PostgreSQL then refuses a prepared statement with "cached plan must not change result type").
 */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

/** SQL text, or a statement to keep prepared. */
export type Statement = string | PreparedStatement;

const preparedByText = new Map<string, PreparedStatement>();

/**
 * The name is a hash of the text, so each text has one name in every process and connection. Texts
 * naming a read-model generation are new after each rebuild: a connection keeps those of dropped
 * generations (unused, a few kB each) until it closes.
 */
export function prepared(text: string): PreparedStatement {
  let statement = preparedByText.get(text);
  if (!statement) {
    statement = { name: `pass_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`, text };
    preparedByText.set(text, statement);
  }
  return statement;
}

export function statementText(statement: Statement): string {
  return typeof statement === 'string' ? statement : statement.text;
}

/**
 * The little both adapters have in common: run one statement, or several in a transaction.
 * The event-store algorithm is written once against this (see sql-event-store.ts).
 */
export interface SqlQueryable {
  query<Row extends object>(sql: Statement, params?: readonly unknown[]): Promise<Row[]>;
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
