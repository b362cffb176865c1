import {
  prepared,
  START_OF_LOG,
  type GlobalPosition,
  type SqlExecutor,
  type SqlQueryable,
} from '@pass/event-store';
import type { Projection } from '../model/projection';
import { createTableStatement, createViewStatement, tableName, viewName } from './read-model-sql';

/**
 * Which generation of each projection readers see (`pj_projections`), and how far each generation
 * has read the log (`pj_checkpoints`). Lives next to the events, in the store's schema.
 */
const CATALOG_STATEMENTS = [
  `create table if not exists pj_projections (name text primary key, generation int not null)`,
  `create table if not exists pj_checkpoints (
    name text not null,
    generation int not null,
    transaction_id text not null,
    global_position text not null,
    events bigint not null default 0,
    updated_at timestamptz not null default now(),
    primary key (name, generation)
  )`,
];

/**
 * The version column came after the first releases: their generations are of version 1. Added
 * only when missing, since `alter table` locks the checkpoints away from every runner even when it
 * has nothing to do.
 */
async function addVersionColumn(tx: SqlQueryable): Promise<void> {
  const [present] = await tx.query(
    `select 1 from information_schema.columns
      where table_schema = current_schema() and table_name = 'pj_checkpoints' and column_name = 'version'`,
  );
  if (!present) await tx.query(`alter table pj_checkpoints add column version int not null default 1`);
}

export interface Checkpoint {
  readonly generation: number;
  readonly position: GlobalPosition;
}

/** DDL is not safe against itself: processes starting together take turns (per schema). */
async function lockSchema(tx: SqlQueryable): Promise<void> {
  await tx.query(
    `select pg_advisory_xact_lock(hashtextextended('projections:schema:' || coalesce(current_schema(), ''), 0))`,
  );
}

function versionOf(projection: Projection): number {
  return projection.version ?? 1;
}

/**
 * Creates the catalog and, on first start, generation 1 of the projection and its views. When the
 * active generation is of an older version than the code's, `outdated: 'replace'` (the live side)
 * puts an empty generation of the new shape in its place, which the live runner fills from the log;
 * `'keep'` (a rebuild) leaves it serving until the rebuild swaps. Tables of a newer version than the
 * code's are refused: an older release of the service must not write rows of its shape into them.
 */
export async function ensureProjection(
  sql: SqlExecutor,
  projection: Projection,
  { outdated = 'replace' }: { outdated?: 'replace' | 'keep' } = {},
): Promise<Checkpoint> {
  return sql.transaction(async (tx) => {
    await lockSchema(tx);
    for (const statement of CATALOG_STATEMENTS) await tx.query(statement);
    await addVersionColumn(tx);
    const [active] = await tx.query<{ generation: number; version: number | null }>(
      `select p.generation, c.version from pj_projections p
       left join pj_checkpoints c on c.name = p.name and c.generation = p.generation where p.name = $1`,
      [projection.name],
    );
    if (!active) {
      await createGeneration(tx, projection, 1);
      await pointViewsAt(tx, projection, 1);
      await tx.query(`insert into pj_projections (name, generation) values ($1, 1)`, [projection.name]);
      return (await readCheckpoint(tx, projection.name, 1))!;
    }
    const generation = Number(active.generation);
    const activeVersion = Number(active.version ?? 1);
    if (activeVersion > versionOf(projection))
      throw new Error(
        `the ${projection.name} read model is of version ${activeVersion}, newer than this code's ` +
          `${versionOf(projection)}: an older release of the service is running against it`,
      );
    if (activeVersion === versionOf(projection)) await createGeneration(tx, projection, generation);
    else if (outdated === 'replace') {
      const next = await nextGeneration(tx, projection.name, generation);
      await createGeneration(tx, projection, next);
      await dropGeneration(tx, projection, await activateGeneration(tx, projection, next));
      return (await readCheckpoint(tx, projection.name, next))!;
    }
    return (await readCheckpoint(tx, projection.name, generation))!;
  });
}

/**
 * Drops every generation of the projection but the one readers see, and returns that one: what a
 * rebuild that crashed or failed left behind (its tables and checkpoint), which nothing reads or
 * writes. For a rebuild holding its lock; the catalog row is locked against a swap meanwhile.
 */
export async function dropInactiveGenerations(tx: SqlQueryable, projection: Projection): Promise<number> {
  const active = await lockActiveGeneration(tx, projection.name);
  const others = await tx.query<{ generation: number }>(
    `select generation from pj_checkpoints where name = $1 and generation <> $2`,
    [projection.name, active],
  );
  for (const { generation } of others) await dropGeneration(tx, projection, Number(generation));
  return active;
}

/** A generation number no table of this projection has used, not even a crashed rebuild's. */
export async function nextGeneration(tx: SqlQueryable, name: string, active: number): Promise<number> {
  const [row] = await tx.query<{ max: number | null }>(
    `select max(generation) as max from pj_checkpoints where name = $1`,
    [name],
  );
  return Math.max(Number(row.max ?? 0), active) + 1;
}

/**
 * Makes `generation` the one readers see and returns the one they saw: the blue/green swap. Its
 * catalog row stays locked until the transaction ends, so a live writer waits for the swap.
 */
export async function activateGeneration(
  tx: SqlQueryable,
  projection: Projection,
  generation: number,
): Promise<number> {
  const previous = await lockActiveGeneration(tx, projection.name);
  await pointViewsAt(tx, projection, generation);
  await tx.query(`update pj_projections set generation = $2 where name = $1`, [projection.name, generation]);
  return previous;
}

async function lockActiveGeneration(tx: SqlQueryable, name: string): Promise<number> {
  const [row] = await tx.query<{ generation: number }>(
    `select generation from pj_projections where name = $1 for update`,
    [name],
  );
  return Number(row.generation);
}

/**
 * Readers' views onto a generation's tables, dropped and created again rather than replaced: a
 * view cannot be replaced by one of other columns, as a new version's are. Callers hold a transaction,
 * so readers see the old views or the new ones.
 */
async function pointViewsAt(tx: SqlQueryable, projection: Projection, generation: number): Promise<void> {
  for (const spec of projection.tables) {
    await tx.query(`drop view if exists ${viewName(spec)}`);
    await tx.query(createViewStatement(spec, generation));
  }
}

export async function createGeneration(
  tx: SqlQueryable,
  projection: Projection,
  generation: number,
): Promise<void> {
  for (const spec of projection.tables) await tx.query(createTableStatement(spec, generation));
  await tx.query(
    `insert into pj_checkpoints (name, generation, transaction_id, global_position, version) values ($1, $2, $3, $4, $5)
     on conflict do nothing`,
    [
      projection.name,
      generation,
      START_OF_LOG.transactionId,
      START_OF_LOG.globalPosition,
      versionOf(projection),
    ],
  );
}

export async function dropGeneration(
  tx: SqlQueryable,
  projection: Projection,
  generation: number,
): Promise<void> {
  for (const spec of projection.tables) await tx.query(`drop table if exists ${tableName(spec, generation)}`);
  await tx.query(`delete from pj_checkpoints where name = $1 and generation = $2`, [
    projection.name,
    generation,
  ]);
}

/** The generation readers see, and where it stands. */
export async function readActiveCheckpoint(db: SqlQueryable, name: string): Promise<Checkpoint | undefined> {
  const [row] = await db.query<CheckpointRow>(
    `select c.generation, c.transaction_id, c.global_position from pj_projections p
     join pj_checkpoints c on c.name = p.name and c.generation = p.generation where p.name = $1`,
    [name],
  );
  return row && toCheckpoint(row);
}

export async function readCheckpoint(
  db: SqlQueryable,
  name: string,
  generation: number,
): Promise<Checkpoint | undefined> {
  const [row] = await db.query<CheckpointRow>(
    `select generation, transaction_id, global_position from pj_checkpoints where name = $1 and generation = $2`,
    [name, generation],
  );
  return row && toCheckpoint(row);
}

export async function saveCheckpoint(
  tx: SqlQueryable,
  name: string,
  generation: number,
  position: GlobalPosition,
  events: number,
): Promise<void> {
  await saveCheckpoints(tx, [{ name, generation, position, events }]);
}

export interface CheckpointMove {
  readonly name: string;
  readonly generation: number;
  readonly position: GlobalPosition;
  /** How many events the move applied (the checkpoint counts them). */
  readonly events: number;
}

/** Moves several checkpoints in one statement. */
export async function saveCheckpoints(tx: SqlQueryable, moves: readonly CheckpointMove[]): Promise<void> {
  if (moves.length === 0) return;
  await tx.query(
    prepared(`update pj_checkpoints c set transaction_id = x.transaction_id, global_position = x.global_position,
       events = c.events + x.events, updated_at = now()
     from jsonb_to_recordset($1::jsonb) as x(name text, generation int, transaction_id text, global_position text, events bigint)
     where c.name = x.name and c.generation = x.generation`),
    [
      JSON.stringify(
        moves.map(({ name, generation, position, events }) => ({
          name,
          generation,
          transaction_id: position.transactionId,
          global_position: position.globalPosition,
          events,
        })),
      ),
    ],
  );
}

/**
 * The active generation's checkpoint of each named projection, its catalog row locked until the
 * transaction ends: a blue/green swap waits for the writer, and the writer sees a finished swap.
 * Two statements on purpose: under READ COMMITTED, a lock that had to wait returns the rows of the
 * statement's snapshot, taken before the other writer committed; the checkpoints are read after.
 */
export async function lockActiveCheckpoints(
  tx: SqlQueryable,
  names: readonly string[],
): Promise<Map<string, Checkpoint>> {
  const named = JSON.stringify(names);
  await tx.query(
    prepared(`select name from pj_projections where name in (select jsonb_array_elements_text($1::jsonb))
     order by name for update`),
    [named],
  );
  const rows = await tx.query<CheckpointRow & { name: string }>(
    prepared(`select c.name, c.generation, c.transaction_id, c.global_position from pj_projections p
     join pj_checkpoints c on c.name = p.name and c.generation = p.generation
     where p.name in (select jsonb_array_elements_text($1::jsonb))`),
    [named],
  );
  return new Map(rows.map((row) => [row.name, toCheckpoint(row)]));
}

interface CheckpointRow {
  generation: number;
  transaction_id: string;
  global_position: string;
}

function toCheckpoint(row: CheckpointRow): Checkpoint {
  return {
    generation: Number(row.generation),
    position: { transactionId: String(row.transaction_id), globalPosition: String(row.global_position) },
  };
}
