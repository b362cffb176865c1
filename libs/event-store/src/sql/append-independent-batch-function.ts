import { APPEND_BATCH_FUNCTION, APPEND_BATCH_PARAMETERS } from './append-batch-function';
import { prepared } from './sql-executor';

const PARAMETER_NAMES = APPEND_BATCH_PARAMETERS.trim()
  .split(/,\s*/)
  .map((parameter) => parameter.split(' ')[0]);
/** The parameters passed on as they came. */
const ARGUMENTS = PARAMETER_NAMES.join(', ');
const PLACEHOLDERS = PARAMETER_NAMES.map((_, index) => `$${index + 1}`).join(', ');

/** Migration 5's pass_append_batch under another name: appends checked and written one after the other. */
export const APPEND_BATCH_IN_ORDER_FUNCTION = APPEND_BATCH_FUNCTION.replace(
  'function pass_append_batch(',
  'function pass_append_batch_in_order(',
);

/**
 * pass_append_batch, same arguments and answers, with the common batch written as a set: when no
 * stream and no reservation key appears in two of its appends, no append can see another's
 * writes, so checking them all before writing any gives what one after the other gives. Group
 * commit's batches are of that kind (concurrent scans of different books, each with its own
 * Idempotency-Key): their versions are read in one statement, their keys inserted in one and
 * their events in one, where the loop ran four statements per append (measured: ~100 against
 * ~75 us of PostgreSQL CPU per append in batches of 11, ~112 against ~55 in batches of 30).
 * A lone append, or appends that overlap, go through the loop (pass_append_batch_in_order): its
 * fixed cost is lower, and an overlap needs its order.
 *
 * Generic plans: the statements depend on arrays PostgreSQL cannot size when planning, and
 * planning them afresh on every call cost more than running them.
 */
export const APPEND_INDEPENDENT_BATCH_FUNCTION = `
create or replace function pass_append_batch(${APPEND_BATCH_PARAMETERS}) returns jsonb
language plpgsql volatile
set plan_cache_mode = force_generic_plan
as $fn$
declare
  -- For each append number: {"versions": {stream: version before}} or {"conflict": stream, "actual": n}.
  checked jsonb;
  taken int[] := '{}';
  held jsonb;
begin
  if append_count = 1
    or cardinality(stream_ids) <> (select count(distinct s) from unnest(stream_ids) as s)
    or cardinality(reservation_keys) <> (
      select count(distinct (r.scope, r.key))
      from unnest(reservation_scopes, reservation_keys) as r(scope, key))
  then
    return pass_append_batch_in_order(${ARGUMENTS});
  end if;
  perform pg_advisory_xact_lock(hashtextextended(id, 0)) from unnest(lock_ids) with ordinality as l(id, n) order by n;
  select coalesce(jsonb_object_agg(v.append_no, coalesce(v.conflict, jsonb_build_object('versions', v.versions))),
    '{}')
  into checked
  from (
    select s.append_no,
      jsonb_object_agg(s.stream_id, s.actual order by s.n) as versions,
      -- The first stream in the append's order whose version is not the expected one, as the loop.
      (array_agg(jsonb_build_object('conflict', s.stream_id, 'actual', s.actual) order by s.n)
        filter (where s.expected >= 0 and s.expected <> s.actual))[1] as conflict
    from (
      select u.append_no, u.stream_id, u.expected, u.n,
        coalesce((select max(e.stream_version) from events e where e.stream_id = u.stream_id), 0) as actual
      from unnest(stream_appends, stream_ids, expected_versions)
        with ordinality as u(append_no, stream_id, expected, n)
    ) s
    group by s.append_no
  ) v;
  if cardinality(reservation_keys) > 0 then
    with wanted as (
      select r.append_no, r.scope, r.key, r.value
      from unnest(reservation_appends, reservation_scopes, reservation_keys, reservation_values)
        as r(append_no, scope, key, value)
      where not coalesce(checked -> r.append_no::text ? 'conflict', false)
    ), inserted as (
      insert into reservations (scope, key, value)
      select w.scope, w.key, w.value::jsonb from wanted w
      on conflict (scope, key) do nothing
      returning scope, key
    )
    select coalesce(array_agg(distinct w.append_no) filter (where i.key is null), '{}'),
      coalesce(jsonb_agg(jsonb_build_array(w.append_no, w.scope, w.key)) filter (where i.key is not null), '[]')
    into taken, held
    from wanted w left join inserted i on i.scope = w.scope and i.key = w.key;
    -- An append refused for a key someone else holds keeps none of the keys it did get.
    if cardinality(taken) > 0 then
      delete from reservations r using jsonb_array_elements(held) as h(k)
      where (h.k ->> 0)::int = any(taken) and r.scope = h.k ->> 1 and r.key = h.k ->> 2;
    end if;
  end if;
  insert into events (stream_id, stream_version, event_id, type, data, metadata)
  select e.stream_id, (checked -> e.append_no::text -> 'versions' ->> e.stream_id)::int + e.ordinal,
    e.event_id, e.type, e.data::jsonb, e.metadata::jsonb
  from unnest(event_appends, event_stream_ids, event_ordinals, event_ids, event_types, event_data, event_metadata)
    with ordinality as e(append_no, stream_id, ordinal, event_id, type, data, metadata, n)
  where not coalesce(checked -> e.append_no::text ? 'conflict', false) and e.append_no <> all(taken)
  order by e.n;
  return (
    select jsonb_agg(case
      when a = any(taken) then jsonb_build_object('reservationTaken', true)
      else coalesce(checked -> a::text, jsonb_build_object('versions', '{}'::jsonb)) end order by a)
    from generate_series(1, append_count) as a
  );
end
$fn$`;

export const CALL_APPEND_BATCH_FUNCTION = prepared(`select pass_append_batch(${PLACEHOLDERS}) as result`);

/** A lone append goes straight to the loop, which costs it less than the set (see above). */
export const CALL_APPEND_ALONE_FUNCTION = prepared(
  `select pass_append_batch_in_order(${PLACEHOLDERS}) as result`,
);
