/**
 * Every statement of the event store, shared verbatim by PostgreSQL and PGlite.
 * Rows are written through unnest(arrays) so that a batch is one statement whatever its size.
 * 64-bit columns are read as text: node-postgres and PGlite disagree on how they parse int8.
 */

/**
 * Selected from `events e`. ORDER BY must name `e.` columns: a bare `global_position` there would
 * mean the text alias below, and sort '10' before '9'.
 */
const EVENT_COLUMNS = `
  e.global_position::text as global_position,
  e.transaction_id::text as transaction_id,
  e.stream_id,
  e.stream_version,
  e.event_id::text as event_id,
  e.type,
  e.data,
  e.metadata,
  e.recorded_at`;

/**
 * One statement takes the locks one after the other in array order (the array is sorted by the caller),
 * so that two appends touching the same streams always lock them in the same order and cannot deadlock.
 */
export const LOCK_STREAMS = `
  select pg_advisory_xact_lock(hashtextextended(stream_id, 0))
  from unnest($1::text[]) as s(stream_id)`;

/** Must run as a statement after LOCK_STREAMS: in READ COMMITTED its snapshot then sees the previous holder's commit. */
export const CURRENT_VERSIONS = `
  select s.stream_id,
    coalesce((select max(e.stream_version) from events e where e.stream_id = s.stream_id), 0) as version
  from unnest($1::text[]) as s(stream_id)`;

/** Insertion follows array order, so global_position follows the order the events were handed over. */
export const INSERT_EVENTS = `
  insert into events (stream_id, stream_version, event_id, type, data, metadata)
  select stream_id, stream_version, event_id, type, data::jsonb, metadata::jsonb
  from unnest($1::text[], $2::int[], $3::uuid[], $4::text[], $5::text[], $6::text[])
    as e(stream_id, stream_version, event_id, type, data, metadata)`;

/**
 * `on conflict do nothing` instead of catching 23505: the transaction stays usable, so the taken key's
 * value is read right away (READ COMMITTED: the next statement sees the holder's commit) and no
 * second round trip outside an aborted transaction is needed. Returned rows are the keys we now hold.
 */
export const INSERT_RESERVATIONS = `
  insert into reservations (scope, key, value)
  select scope, key, value::jsonb
  from unnest($1::text[], $2::text[], $3::text[]) as r(scope, key, value)
  on conflict (scope, key) do nothing
  returning scope, key`;

export const SELECT_RESERVATION = `select value from reservations where scope = $1 and key = $2`;

export const SELECT_STREAMS = `select ${EVENT_COLUMNS} from events e where e.stream_id = any($1::text[]) order by e.stream_id, e.stream_version`;

/**
 * Reading in (transaction_id, global_position) order and never at or past the oldest running
 * transaction (the snapshot's xmin) is what makes checkpointing safe: a transaction that took its
 * sequence number early but commits late has a transaction id >= xmin until it ends, so nothing
 * after it is handed out before it is visible.
 */
export const SELECT_ALL_AFTER = `
  select ${EVENT_COLUMNS} from events e
  where (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
    and e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  order by e.transaction_id, e.global_position
  limit $3`;

export const PING = `select 1 as ok`;
