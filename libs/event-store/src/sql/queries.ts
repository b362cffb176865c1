import { prepared } from './sql-executor';

/**
 * The event store's reads, shared verbatim by PostgreSQL and PGlite (appends go through the
 * server-side function of append-batch-function.ts).
 * 64-bit columns are read as text: node-postgres and PGlite disagree on how they parse int8.
 */

/**
 * Selected from `events e`. ORDER BY must name `e.` columns: a bare `global_position` there would
 * mean the text alias below, and sort '10' before '9'. The instant comes as whole milliseconds since
 * the epoch (a number to both drivers) instead of a timestamp text that node-postgres parses with a
 * regular expression on every row: cut to the millisecond first, as a Date would be, then rounded,
 * since the float seconds of date_part can fall a hair below a whole millisecond.
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
  round(date_part('epoch', date_trunc('milliseconds', e.recorded_at)) * 1000) as recorded_at_ms`;

/** The streams' versions now (to describe a conflict that a writer bypassing the stream locks caused). */
export const CURRENT_VERSIONS = `
  select s.stream_id,
    coalesce((select max(e.stream_version) from events e where e.stream_id = s.stream_id), 0) as version
  from unnest($1::text[]) as s(stream_id)`;

export const SELECT_RESERVATION = prepared(`select value from reservations where scope = $1 and key = $2`);

export const SELECT_STREAMS = prepared(
  `select ${EVENT_COLUMNS} from events e where e.stream_id = any($1::text[]) order by e.stream_id, e.stream_version`,
);

/**
 * Reading in (transaction_id, global_position) order and never at or past the oldest running
 * transaction (the snapshot's xmin) is what makes checkpointing safe: a transaction that took its
 * sequence number early but commits late has a transaction id >= xmin until it ends, so nothing
 * after it is handed out before it is visible.
 */
export const SELECT_ALL_AFTER = prepared(`
  select ${EVENT_COLUMNS} from events e
  where (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
    and e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  order by e.transaction_id, e.global_position
  limit $3`);

export const PING = `select 1 as ok`;
