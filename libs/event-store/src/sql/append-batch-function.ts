/** The function's parameters, shared by every version of it (see append-independent-batch-function.ts). */
export const APPEND_BATCH_PARAMETERS = `
  append_count int,
  lock_ids text[],
  stream_appends int[],
  stream_ids text[],
  expected_versions int[],
  event_appends int[],
  event_stream_ids text[],
  event_ordinals int[],
  event_ids uuid[],
  event_types text[],
  event_data text[],
  event_metadata text[],
  reservation_appends int[],
  reservation_scopes text[],
  reservation_keys text[],
  reservation_values text[]
`;

/**
 * How this function checks one append's streams: one row at a time, each added to a jsonb object
 * (migration 7 replaces it in pass_append_batch_in_order: append-in-order-linear-function.ts).
 */
export const STREAM_BY_STREAM_CHECK = `
    for stream in
      select s.stream_id, s.expected,
        coalesce((select max(e.stream_version) from events e where e.stream_id = s.stream_id), 0) as actual
      from unnest(stream_appends, stream_ids, expected_versions) as s(append_no, stream_id, expected)
      where s.append_no = a
    loop
      if stream.expected >= 0 and stream.expected <> stream.actual then
        conflict := jsonb_build_object('conflict', stream.stream_id, 'actual', stream.actual);
        exit;
      end if;
      current_versions := current_versions || jsonb_build_object(stream.stream_id, stream.actual);
    end loop;`;

/**
 * Several independent appends in one round trip and one commit (see append-batcher.ts): each
 * succeeds or fails on its own, exactly as if it had been sent alone, in the order given.
 *
 * - Every stream of the batch is locked first, in one sorted order, so batches cannot deadlock
 *   each other (nor single appends, which lock the same way).
 * - Appends are then checked and written one after the other: a later append sees an earlier one's
 *   events, so two appends to one stream at the same expected version get one winner, as alone.
 * - A reservation held by someone else fails only its own append: the keys it inserted just before
 *   are deleted again (no savepoint needed), and nothing of it is written.
 *
 * Arrays are parallel columns; `*_appends` number each row's append from 1. The answer is a jsonb
 * array with one entry per append: {versions}, {conflict, actual} or {reservationTaken: true}.
 */
export const APPEND_BATCH_FUNCTION = `
create or replace function pass_append_batch(${APPEND_BATCH_PARAMETERS}) returns jsonb
language plpgsql volatile
as $fn$
declare
  answers jsonb := '[]';
  current_versions jsonb;
  conflict jsonb;
  stream record;
  wanted int;
  held jsonb;
begin
  perform pg_advisory_xact_lock(hashtextextended(id, 0)) from unnest(lock_ids) with ordinality as l(id, n) order by n;
  for a in 1..append_count loop
    current_versions := '{}';
    conflict := null;${STREAM_BY_STREAM_CHECK}
    if conflict is not null then
      answers := answers || jsonb_build_array(conflict);
      continue;
    end if;
    select count(*) into wanted from unnest(reservation_appends) as r(append_no) where r.append_no = a;
    if wanted > 0 then
      with inserted as (
        insert into reservations (scope, key, value)
        select r.scope, r.key, r.value::jsonb
        from unnest(reservation_appends, reservation_scopes, reservation_keys, reservation_values)
          as r(append_no, scope, key, value)
        where r.append_no = a
        on conflict (scope, key) do nothing
        returning scope, key
      ) select coalesce(jsonb_agg(jsonb_build_array(scope, key)), '[]') into held from inserted;
      if jsonb_array_length(held) < wanted then
        delete from reservations r using jsonb_array_elements(held) as h(k)
        where r.scope = h.k ->> 0 and r.key = h.k ->> 1;
        answers := answers || jsonb_build_array(jsonb_build_object('reservationTaken', true));
        continue;
      end if;
    end if;
    insert into events (stream_id, stream_version, event_id, type, data, metadata)
    select e.stream_id, (current_versions ->> e.stream_id)::int + e.ordinal, e.event_id, e.type, e.data::jsonb, e.metadata::jsonb
    from unnest(event_appends, event_stream_ids, event_ordinals, event_ids, event_types, event_data, event_metadata)
      with ordinality as e(append_no, stream_id, ordinal, event_id, type, data, metadata, n)
    where e.append_no = a
    order by e.n;
    answers := answers || jsonb_build_array(jsonb_build_object('versions', current_versions));
  end loop;
  return answers;
end
$fn$`;
