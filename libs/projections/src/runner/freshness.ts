import type { GlobalPosition, SqlQueryable } from '@pass/event-store';
import { isAtOrPast } from '../model/positions';
import { readActiveCheckpoint } from '../sql/catalog';

/**
 * The last committed event, whether or not readAll may hand it out yet (an older transaction may
 * still run). ORDER BY names `e.` columns: bare names would mean the text aliases, and '999' > '1048'.
 */
export async function logHead(db: SqlQueryable): Promise<GlobalPosition | undefined> {
  const [row] = await db.query<{ transaction_id: string; global_position: string }>(
    `select transaction_id::text as transaction_id, global_position::text as global_position
     from events e order by e.transaction_id desc, e.global_position desc limit 1`,
  );
  return row && { transactionId: row.transaction_id, globalPosition: row.global_position };
}

export interface FreshnessOptions {
  readonly deadlineMs: number;
  /** Cuts the projectors' idle sleep short (in-process runners). */
  readonly nudge?: () => void;
  readonly pollMs?: number;
}

/**
 * Waits until the named projections have read everything committed when the call began, so that
 * a client reads its own writes. Bounded: past the deadline it answers false and the caller serves
 * what is there (a transaction left open elsewhere must not hang reads).
 */
export async function waitUntilProjected(
  db: SqlQueryable,
  names: readonly string[],
  options: FreshnessOptions,
): Promise<boolean> {
  const head = await logHead(db);
  if (!head) return true;
  const deadline = Date.now() + options.deadlineMs;
  for (;;) {
    const checkpoints = await Promise.all(names.map((name) => readActiveCheckpoint(db, name)));
    if (checkpoints.every((checkpoint) => checkpoint && isAtOrPast(checkpoint.position, head))) return true;
    if (Date.now() >= deadline) return false;
    options.nudge?.();
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 5));
  }
}
