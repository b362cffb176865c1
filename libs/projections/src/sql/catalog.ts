import { START_OF_LOG, type GlobalPosition, type SqlExecutor, type SqlQueryable } from '@pass/event-store';
import type { Projection } from '../model/projection';
import { createTableStatement, createViewStatement, tableName } from './read-model-sql';

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

/** Creates the catalog and, on first start, generation 1 of the projection and its views. */
export async function ensureProjection(sql: SqlExecutor, projection: Projection): Promise<Checkpoint> {
  return sql.transaction(async (tx) => {
    await lockSchema(tx);
    for (const statement of CATALOG_STATEMENTS) await tx.query(statement);
    const [active] = await tx.query<{ generation: number }>(
      `select generation from pj_projections where name = $1`,
      [projection.name],
    );
    const generation = active ? Number(active.generation) : 1;
    await createGeneration(tx, projection, generation);
    if (!active) {
      for (const spec of projection.tables) await tx.query(createViewStatement(spec, generation));
      await tx.query(`insert into pj_projections (name, generation) values ($1, $2)`, [
        projection.name,
        generation,
      ]);
    }
    return (await readCheckpoint(tx, projection.name, generation))!;
  });
}

export async function createGeneration(
  tx: SqlQueryable,
  projection: Projection,
  generation: number,
): Promise<void> {
  for (const spec of projection.tables) await tx.query(createTableStatement(spec, generation));
  await tx.query(
    `insert into pj_checkpoints (name, generation, transaction_id, global_position) values ($1, $2, $3, $4)
     on conflict do nothing`,
    [projection.name, generation, START_OF_LOG.transactionId, START_OF_LOG.globalPosition],
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
  const [row] = await db.query<{ generation: number; transaction_id: string; global_position: string }>(
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
  const [row] = await db.query<{ generation: number; transaction_id: string; global_position: string }>(
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
  await tx.query(
    `update pj_checkpoints set transaction_id = $3, global_position = $4, events = events + $5, updated_at = now()
     where name = $1 and generation = $2`,
    [name, generation, position.transactionId, position.globalPosition, events],
  );
}

function toCheckpoint(row: {
  generation: number;
  transaction_id: string;
  global_position: string;
}): Checkpoint {
  return {
    generation: Number(row.generation),
    position: { transactionId: String(row.transaction_id), globalPosition: String(row.global_position) },
  };
}
