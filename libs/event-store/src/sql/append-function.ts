/**
 * Migrations 2 to 4 only: since migration 5, every append calls pass_append_batch (an append alone
 * is a batch of one, append-batch-function.ts), so one algorithm runs. Released migrations stay as
 * they were, hence this text. What follows is how it read then.
 *
 * The append algorithm as one server-side function, so an append is ONE round trip instead of six
 * (BEGIN, lock, read versions, reserve, insert, COMMIT) — measured as the top cost of a redemption.
 * The order of DESIGN §5 is kept: lock the streams (sorted by the caller), THEN read their versions
 * (a VOLATILE plpgsql function takes a fresh snapshot per statement, so it sees the previous lock
 * holder's commit), then reserve, then insert. Nothing is written before every check has passed;
 * a taken reservation raises, which rolls back the reservations already inserted.
 */
export const APPEND_FUNCTION = `
create or replace function pass_append_events(
  lock_ids text[],
  stream_ids text[],
  expected_versions int[],
  event_stream_ids text[],
  event_ordinals int[],
  event_ids uuid[],
  event_types text[],
  event_data text[],
  event_metadata text[],
  reservation_scopes text[],
  reservation_keys text[],
  reservation_values text[]
) returns jsonb
language plpgsql volatile
as $fn$
declare
  current_versions jsonb := '{}';
  stream record;
  held int;
begin
  perform pg_advisory_xact_lock(hashtextextended(id, 0)) from unnest(lock_ids) with ordinality as l(id, n) order by n;
  for stream in
    select s.stream_id, s.expected,
      coalesce((select max(e.stream_version) from events e where e.stream_id = s.stream_id), 0) as actual
    from unnest(stream_ids, expected_versions) as s(stream_id, expected)
  loop
    if stream.expected >= 0 and stream.expected <> stream.actual then
      return jsonb_build_object('conflict', stream.stream_id, 'expected', stream.expected, 'actual', stream.actual);
    end if;
    current_versions := current_versions || jsonb_build_object(stream.stream_id, stream.actual);
  end loop;
  if coalesce(array_length(reservation_scopes, 1), 0) > 0 then
    with inserted as (
      insert into reservations (scope, key, value)
      select r.scope, r.key, r.value::jsonb
      from unnest(reservation_scopes, reservation_keys, reservation_values) as r(scope, key, value)
      on conflict (scope, key) do nothing
      returning 1
    ) select count(*) into held from inserted;
    if held < array_length(reservation_scopes, 1) then
      raise exception using errcode = 'PA001', message = 'reservation taken';
    end if;
  end if;
  insert into events (stream_id, stream_version, event_id, type, data, metadata)
  select e.stream_id, (current_versions ->> e.stream_id)::int + e.ordinal, e.event_id, e.type, e.data::jsonb, e.metadata::jsonb
  from unnest(event_stream_ids, event_ordinals, event_ids, event_types, event_data, event_metadata)
    with ordinality as e(stream_id, ordinal, event_id, type, data, metadata, n)
  order by e.n;
  return jsonb_build_object('versions', current_versions);
end
$fn$`;

/**
 * Readers of the global log (projections, relay) LISTEN on this channel and wake at once instead of
 * waiting for their next poll. Migration 3 notified inside the append function; migration 4 took it
 * out again (it halved append throughput) and the stores send one coalesced NOTIFY instead.
 */
export const EVENTS_APPENDED_CHANNEL = 'pass_events_appended';

export const APPEND_FUNCTION_NOTIFYING = APPEND_FUNCTION.replace(
  `  return jsonb_build_object('versions', current_versions);`,
  `  if coalesce(array_length(event_ids, 1), 0) > 0 then
    perform pg_notify('${EVENTS_APPENDED_CHANNEL}', '');
  end if;
  return jsonb_build_object('versions', current_versions);`,
);

export const NOTIFY_APPENDED = `select pg_notify('${EVENTS_APPENDED_CHANNEL}', '')`;
