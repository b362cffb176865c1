import type { SqlQueryable } from '@pass/event-store';

/**
 * readAll hands out nothing past the oldest running transaction (of the whole server): an event
 * committed a moment ago may still be held back by a transaction that started before it. To read
 * "everything committed before now", note the next transaction id now, then wait until every
 * transaction below it has ended.
 */
export async function nextTransactionId(sql: SqlQueryable): Promise<string> {
  const [row] = await sql.query<{ next: string }>(
    `select pg_snapshot_xmax(pg_current_snapshot())::text as next`,
  );
  return row.next;
}

/** Whether every transaction with an id below `transactionId` has committed or rolled back. */
export async function allEndedBefore(sql: SqlQueryable, transactionId: string): Promise<boolean> {
  const [row] = await sql.query<{ ended: boolean }>(
    `select pg_snapshot_xmin(pg_current_snapshot()) >= $1::xid8 as ended`,
    [transactionId],
  );
  return row.ended === true;
}
