import { APPEND_BATCH_FUNCTION } from './append-batch-function';
import { APPEND_FUNCTION, APPEND_FUNCTION_NOTIFYING } from './append-function';
import {
  APPEND_BATCH_IN_ORDER_FUNCTION,
  APPEND_INDEPENDENT_BATCH_FUNCTION,
} from './append-independent-batch-function';
import { APPEND_BATCH_IN_ORDER_LINEAR_FUNCTION } from './append-in-order-linear-function';
import type { SqlExecutor } from './sql-executor';

/**
 * The one schema of both adapters. Append-only list: never edit a released migration, add the next one.
 * Tables live in the connection's current schema (search_path), never in a hard-coded one,
 * so that tests (and tenants) can isolate themselves in a schema of their own.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** One statement per entry: PGlite's parameterised query protocol runs a single statement at a time. */
  readonly statements: readonly string[];
}

export const EVENTS_STREAM_VERSION_CONSTRAINT = 'events_stream_version_unique';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'events and reservations',
    statements: [
      `create sequence if not exists events_global_position_seq as bigint`,
      `create table if not exists events (
        global_position bigint primary key default nextval('events_global_position_seq'),
        transaction_id xid8 not null default pg_current_xact_id(),
        stream_id text not null,
        stream_version int not null,
        event_id uuid not null unique,
        type text not null,
        data jsonb not null,
        metadata jsonb not null default '{}',
        recorded_at timestamptz not null default now(),
        constraint ${EVENTS_STREAM_VERSION_CONSTRAINT} unique (stream_id, stream_version)
      )`,
      `alter sequence events_global_position_seq owned by events.global_position`,
      // readAll walks the log in (transaction_id, global_position) order.
      `create index if not exists events_transaction_position_idx on events (transaction_id, global_position)`,
      `create table if not exists reservations (
        scope text not null,
        key text not null,
        value jsonb not null,
        created_at timestamptz not null default now(),
        primary key (scope, key)
      )`,
    ],
  },
  {
    version: 2,
    name: 'append in one round trip',
    statements: [APPEND_FUNCTION],
  },
  {
    version: 3,
    name: 'notify readers of the log on append',
    statements: [APPEND_FUNCTION_NOTIFYING],
  },
  {
    // Measured: a NOTIFY in every append halves append throughput (commits of notifying
    // transactions queue for one lock). Stores now announce appends themselves, coalesced.
    version: 4,
    name: 'append without notifying; stores coalesce notifications',
    statements: [APPEND_FUNCTION],
  },
  {
    // Concurrent appends share one round trip and one commit (group commit, append-batcher.ts).
    version: 5,
    name: 'several independent appends in one call',
    statements: [APPEND_BATCH_FUNCTION],
  },
  {
    // Batches of appends that share no stream and no key are written as a set (measured in
    // append-independent-batch-function.ts); the loop stays for the others.
    version: 6,
    name: 'independent appends of a batch written together',
    statements: [APPEND_BATCH_IN_ORDER_FUNCTION, APPEND_INDEPENDENT_BATCH_FUNCTION],
  },
  {
    // An append of many streams (a bulk issuance: 1,001) was quadratic in their number.
    version: 7,
    name: 'streams of one append checked in one statement',
    statements: [APPEND_BATCH_IN_ORDER_LINEAR_FUNCTION],
  },
];

/**
 * Applies the missing migrations in one transaction. The transaction-scoped advisory lock, taken
 * before anything else, makes two processes starting together wait for each other instead of racing
 * on `create table if not exists` (which is not safe under concurrency). Keyed by schema so that
 * isolated schemas migrate in parallel.
 */
export async function runMigrations(executor: SqlExecutor, migrations = MIGRATIONS): Promise<number[]> {
  return executor.transaction(async (tx) => {
    await tx.query(
      `select pg_advisory_xact_lock(hashtextextended('event-store:migrations:' || coalesce(current_schema(), ''), 0))`,
    );
    await tx.query(`create table if not exists schema_migrations (
      version int primary key,
      name text not null,
      applied_at timestamptz not null default now()
    )`);
    const applied = new Set(
      (await tx.query<{ version: number }>(`select version from schema_migrations`)).map(
        (row) => row.version,
      ),
    );
    const newlyApplied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query(`insert into schema_migrations (version, name) values ($1, $2)`, [
        migration.version,
        migration.name,
      ]);
      newlyApplied.push(migration.version);
    }
    return newlyApplied;
  });
}
