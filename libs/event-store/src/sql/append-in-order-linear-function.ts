import { STREAM_BY_STREAM_CHECK } from './append-batch-function';
import { APPEND_BATCH_IN_ORDER_FUNCTION } from './append-independent-batch-function';

/**
 * STREAM_BY_STREAM_CHECK as one statement. Adding a stream to the object copied the object, so an
 * append of many streams cost a time quadratic in their number: a bulk issuance of 1,000 books, one
 * append of 1,001 streams, spent 69 us of PostgreSQL per book against 40 us for 100 books, and 46 us
 * with this check (measured without reservations). The first stream whose version is not the
 * expected one is still the one named, in the append's order.
 */
const ONE_STATEMENT_CHECK = `
    select coalesce(jsonb_object_agg(s.stream_id, s.actual), '{}'),
      (array_agg(jsonb_build_object('conflict', s.stream_id, 'actual', s.actual) order by s.n)
        filter (where s.expected >= 0 and s.expected <> s.actual))[1]
    into current_versions, conflict
    from (
      select u.stream_id, u.expected, u.n,
        coalesce((select max(e.stream_version) from events e where e.stream_id = u.stream_id), 0) as actual
      from unnest(stream_appends, stream_ids, expected_versions) with ordinality as u(append_no, stream_id, expected, n)
      where u.append_no = a
    ) s;`;

function replaceOnce(text: string, from: string, to: string): string {
  if (text.split(from).length !== 2)
    throw new Error('the in-order function no longer has the check to replace');
  return text.replace(from, to);
}

/** pass_append_batch_in_order with each append's streams checked in one statement (migration 7). */
export const APPEND_BATCH_IN_ORDER_LINEAR_FUNCTION = replaceOnce(
  APPEND_BATCH_IN_ORDER_FUNCTION,
  STREAM_BY_STREAM_CHECK,
  ONE_STATEMENT_CHECK,
);
