export * from './event-store.port';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';
export { PgliteEventStore, type PgliteEventStoreOptions } from './pglite/pglite-event-store';
export { openEventStore, preparedStatementsSetting, type EventStoreConfig } from './open-event-store';
export { SqlEventStore } from './sql/sql-event-store';
export type { PreparedStatement, SqlExecutor, SqlQueryable, Statement } from './sql/sql-executor';
export { isUniqueViolation, prepared } from './sql/sql-executor';
