import { START_OF_LOG, type GlobalPosition, type SqlQueryable } from '@pass/event-store';

/**
 * The relay's own table, next to the events. The checkpoint only moves forward: if two relays ever
 * ran at once, the one behind could not drag it back (it would only publish duplicates).
 */
const CREATE_CHECKPOINTS = `
  create table if not exists relay_checkpoints (
    name text primary key,
    transaction_id xid8 not null,
    global_position bigint not null,
    updated_at timestamptz not null default now()
  )`;

const SELECT_CHECKPOINT = `
  select transaction_id::text as transaction_id, global_position::text as global_position
  from relay_checkpoints where name = $1`;

const UPSERT_CHECKPOINT = `
  insert into relay_checkpoints as c (name, transaction_id, global_position)
  values ($1, $2::xid8, $3::bigint)
  on conflict (name) do update
    set transaction_id = excluded.transaction_id, global_position = excluded.global_position, updated_at = now()
    where (c.transaction_id, c.global_position) < (excluded.transaction_id, excluded.global_position)`;

/** Counted up to a cap: a lag gauge needs an order of magnitude, not a scan of a huge backlog. */
const SELECT_LAG = `
  select
    (select count(*)::int from (
      select 1 from events e
      where (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint) limit $3) backlog) as events,
    (select extract(epoch from now() - e.recorded_at)::float8 from events e
      where (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
      order by e.transaction_id, e.global_position limit 1) as oldest_age_seconds`;

export interface RelayLag {
  /** Events in the store after the checkpoint (capped). */
  readonly events: number;
  /** Age of the oldest event not relayed yet; 0 when caught up. */
  readonly oldestAgeSeconds: number;
}

export const LAG_COUNT_CAP = 1_000_000;

export async function ensureCheckpointTable(sql: SqlQueryable): Promise<void> {
  try {
    await sql.query(CREATE_CHECKPOINTS);
  } catch (error) {
    // Two processes creating the table at once: PostgreSQL lets one fail on its catalog's unique index.
    if ((error as { code?: string }).code !== '23505') throw error;
  }
}

export async function loadCheckpoint(sql: SqlQueryable, name: string): Promise<GlobalPosition> {
  const [row] = await sql.query<{ transaction_id: string; global_position: string }>(SELECT_CHECKPOINT, [
    name,
  ]);
  return row ? { transactionId: row.transaction_id, globalPosition: row.global_position } : START_OF_LOG;
}

export async function saveCheckpoint(
  sql: SqlQueryable,
  name: string,
  position: GlobalPosition,
): Promise<void> {
  await sql.query(UPSERT_CHECKPOINT, [name, position.transactionId, position.globalPosition]);
}

export async function lagAfter(sql: SqlQueryable, position: GlobalPosition): Promise<RelayLag> {
  const [row] = await sql.query<{ events: number; oldest_age_seconds: number | null }>(SELECT_LAG, [
    position.transactionId,
    position.globalPosition,
    LAG_COUNT_CAP,
  ]);
  return {
    events: Number(row?.events ?? 0),
    oldestAgeSeconds: Math.max(0, Number(row?.oldest_age_seconds ?? 0)),
  };
}
